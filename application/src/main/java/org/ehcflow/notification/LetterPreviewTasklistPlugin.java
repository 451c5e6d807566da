package org.ehcflow.notification;

import java.util.Set;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * The letter preview in Tasklist: a "Letter preview" tab beside the form of each task that leads to
 * a letter, showing the letters as the task would send them now. Registered through {@code
 * META-INF/services/org.camunda.bpm.tasklist.plugin.spi.TasklistPlugin}.
 *
 * <ul>
 *   <li>front end: {@code /camunda/api/tasklist/plugin/ehc-letter-preview/static/app/plugin.js},
 *       from {@code src/main/resources/plugin-webapp/ehc-letter-preview/app/};
 *   <li>API: {@code
 *       /camunda/api/tasklist/plugin/ehc-letter-preview/{engine}/tasks/{taskId}/letters} ({@link
 *       LetterPreviewTasklistResource}), behind the web apps' login.
 * </ul>
 */
public class LetterPreviewTasklistPlugin extends AbstractTasklistPlugin {

  public static final String ID = "ehc-letter-preview";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(LetterPreviewTasklistRootResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
