package org.ehcflow.tasklist;

import jakarta.ws.rs.Path;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;

/**
 * The plugin's root, {@code /camunda/api/tasklist/plugin/ehc-task-cards}: it serves the plugin's
 * static assets (Tasklist loads a plugin's front end through its root) and has no API of its own,
 * since the cards read the tasks through the engine's REST API, under the user's own
 * authorizations.
 */
@Path("plugin/" + TaskCardsTasklistPlugin.ID)
public class TaskCardsTasklistRootResource extends AbstractTasklistPluginRootResource {

  public TaskCardsTasklistRootResource() {
    super(TaskCardsTasklistPlugin.ID);
  }
}
