package org.ehcflow.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * Gives every process and decision definition the history time to live the council configured for
 * it, as it is deployed, whoever deploys it (the application at start or a process owner over
 * REST), so a model's own value never outlives the council's schedule.
 */
@Component
public class RetentionPlugin extends AbstractProcessEnginePlugin {

  private final RetentionProperties retention;

  public RetentionPlugin(RetentionProperties retention) {
    this.retention = retention;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
            retention.daysFor(definition.getKey()).ifPresent(definition::setHistoryTimeToLive);
          }
        });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration
        .getDmnEngineConfiguration()
        .getTransformer()
        .getTransformListeners()
        .add(new DecisionRetention());
  }

  private final class DecisionRetention implements DmnTransformListener {

    @Override
    public void transformDecision(Decision decision, DmnDecision dmnDecision) {
      if (dmnDecision instanceof DecisionDefinitionEntity definition) {
        retention.daysFor(definition.getKey()).ifPresent(definition::setHistoryTimeToLive);
      }
    }

    @Override
    public void transformDecisionTableInput(Input input, DmnDecisionTableInputImpl dmnInput) {}

    @Override
    public void transformDecisionTableOutput(Output output, DmnDecisionTableOutputImpl dmnOutput) {}

    @Override
    public void transformDecisionTableRule(Rule rule, DmnDecisionTableRuleImpl dmnRule) {}

    @Override
    public void transformDecisionRequirementsGraph(
        Definitions definitions, DmnDecisionRequirementsGraph graph) {}
  }
}
