package org.ehcflow.platform;

import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A definition deployed before the configuration changed keeps the time to live it was deployed
 * with (an unchanged model is not deployed again). At every start, each version of each configured
 * definition is brought to the configured value. Cases that have already ended keep the removal
 * time worked out when they ended (see the README, "Retention of case records").
 */
@Component
public class RetentionReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionReconciler.class);

  private final RepositoryService repository;
  private final RetentionProperties retention;

  public RetentionReconciler(RepositoryService repository, RetentionProperties retention) {
    this.repository = repository;
    this.retention = retention;
  }

  @EventListener(PostDeployEvent.class)
  public void applyConfiguredRetention() {
    int changed = 0;
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
      Integer days = retention.daysFor(definition.getKey()).orElse(null);
      if (days != null && !Objects.equals(days, definition.getHistoryTimeToLive())) {
        repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
        changed++;
      }
    }
    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
      Integer days = retention.daysFor(definition.getKey()).orElse(null);
      if (days != null && !Objects.equals(days, definition.getHistoryTimeToLive())) {
        repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
        changed++;
      }
    }
    if (changed > 0) {
      LOG.info(
          "Retention: history time to live set from configuration on {} deployed definitions",
          changed);
    }
  }
}
