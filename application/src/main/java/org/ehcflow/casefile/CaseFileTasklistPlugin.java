package org.ehcflow.casefile;

import java.util.Set;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * The case file in Tasklist: a "Case file" tab beside each task's form, where whoever works the
 * task attaches documents and reads those of the case they may read. Registered through {@code
 * META-INF/services/org.camunda.bpm.tasklist.plugin.spi.TasklistPlugin}.
 *
 * <ul>
 *   <li>front end: {@code /camunda/api/tasklist/plugin/ehc-case-file/static/app/plugin.js}, from
 *       {@code src/main/resources/plugin-webapp/ehc-case-file/app/};
 *   <li>API: {@code /camunda/api/tasklist/plugin/ehc-case-file/{engine}/...} ({@link
 *       CaseFileTasklistResource}), behind the web apps' login and their CSRF check.
 * </ul>
 */
public class CaseFileTasklistPlugin extends AbstractTasklistPlugin {

  public static final String ID = "ehc-case-file";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(CaseFileTasklistRootResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
