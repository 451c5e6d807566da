package org.ehcflow.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Deploying a model is not running arbitrary code (issue 21, item 3). A deployment made by a
 * signed-in person who is not an administrator (a process owner) is checked against
 * docs/model-rules.md before the engine parses or stores any of it, and refused as a whole with a
 * {@link ParseException}, which the REST API answers with 400 and the element and reason for each
 * finding. The application's own deployment at start (no one signed in) and an administrator's are
 * trusted: an administrator can already do anything in the engine.
 *
 * <p>As a second line, whoever deployed a model, its expressions see only the beans of {@link
 * ModelBeans}; the engine's services and the rest of the application context are out of reach even
 * of a model that slipped past the check.
 */
@Component
public class ModelDeploymentBoundary extends AbstractProcessEnginePlugin {

  private final ModelContentCheck check;
  private final ModelBeans beans;
  private final ApplicationContext context;

  public ModelDeploymentBoundary(
      ModelContentCheck check, ModelBeans beans, ApplicationContext context) {
    this.check = check;
    this.beans = beans;
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers =
        configuration.getCustomPreDeployers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(this::checkDeployment);
    configuration.setCustomPreDeployers(deployers);
    // Replaces the expression manager the Spring factory made with the whole application context.
    configuration.setExpressionManager(
        new SpringExpressionManager(context, beans.forExpressions()));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // The DMN check reads only explicit expressionLanguage attributes: it relies on FEEL being the
    // default.
    if (configuration.isDmnFeelEnableLegacyBehavior()) {
      throw new IllegalStateException(
          "dmnFeelEnableLegacyBehavior makes JUEL the default language of decision "
              + "tables, which would let a process owner's table run JUEL; see docs/model-rules.md");
    }
  }

  private void checkDeployment(DeploymentEntity deployment) {
    // Deployers also run when a deployment is read back into the cache, under whoever's request
    // needed it.
    if (!deployment.isNew()
        || isTrusted(Context.getCommandContext())
        || deployment.getResources() == null) {
      return;
    }
    for (Map.Entry<String, ResourceEntity> resource : deployment.getResources().entrySet()) {
      List<ModelContentCheck.Refusal> refusals;
      try {
        refusals = check.check(resource.getKey(), resource.getValue().getBytes());
      } catch (RuntimeException e) {
        // A file the check cannot read is refused as bad input (400), never let through nor
        // answered with 500.
        refusals =
            List.of(
                new ModelContentCheck.Refusal(
                    resource.getKey(), null, "it could not be checked (" + e + ")"));
      }
      if (!refusals.isEmpty()) {
        throw new ParseException(
            message(refusals), resource.getKey(), List.<Problem>copyOf(refusals), List.of());
      }
    }
  }

  private static boolean isTrusted(CommandContext command) {
    Authentication authentication = command.getAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return true;
    }
    return command.getAuthorizationManager().isCamundaAdmin(authentication);
  }

  private static String message(List<ModelContentCheck.Refusal> refusals) {
    StringBuilder message =
        new StringBuilder(
            "The deployment is refused: a process owner's model may not run code "
                + "(docs/model-rules.md). ");
    refusals.stream()
        .limit(20)
        .forEach(refusal -> message.append(refusal.getMessage()).append(". "));
    if (refusals.size() > 20) {
      message.append("And ").append(refusals.size() - 20).append(" more.");
    }
    return message.toString().trim();
  }
}
