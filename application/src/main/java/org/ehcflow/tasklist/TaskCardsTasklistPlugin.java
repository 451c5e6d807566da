package org.ehcflow.tasklist;

import java.util.Set;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * The task cards in Tasklist: each card in the list shows the child, the case's reference, the
 * statutory stage and date and the days left (from the description {@link TaskCards} writes), and
 * every list opens sorted by due date, soonest first, with the header saying so. A front end
 * ({@code src/main/resources/plugin-webapp/ehc-task-cards/app/}) served by {@link
 * TaskCardsTasklistRootResource}; registered through {@code
 * META-INF/services/org.camunda.bpm.tasklist.plugin.spi.TasklistPlugin}.
 */
public class TaskCardsTasklistPlugin extends AbstractTasklistPlugin {

  public static final String ID = "ehc-task-cards";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(TaskCardsTasklistRootResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
