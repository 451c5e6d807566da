package org.ehcflow.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's own multi-instance counters out of a case's history. Asking four advisers or
 * notifying three bodies makes the engine keep how many are asked, active and done, and each one's
 * position; under full history every change of those counters was a variable in the case's record
 * and a row in its audit trail (about a fifth of a needs assessment's history rows), which no
 * report, return or person reads. Everything else is recorded as the history level says.
 */
@Component
public class EngineCountersHistoryPlugin extends AbstractProcessEnginePlugin {

  static final Set<String> ENGINE_COUNTERS =
      Set.of(
          MultiInstanceActivityBehavior.NUMBER_OF_INSTANCES,
          MultiInstanceActivityBehavior.NUMBER_OF_ACTIVE_INSTANCES,
          MultiInstanceActivityBehavior.NUMBER_OF_COMPLETED_INSTANCES,
          MultiInstanceActivityBehavior.LOOP_COUNTER);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers =
        configuration.getCustomHistoryEventHandlers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(0, new WithoutEngineCounters(new DbHistoryEventHandler()));
    configuration.setCustomHistoryEventHandlers(handlers);
    // The database handler above takes the place of the default one, which would record everything.
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  private record WithoutEngineCounters(HistoryEventHandler database)
      implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!(event instanceof HistoricVariableUpdateEventEntity variable
          && ENGINE_COUNTERS.contains(variable.getVariableName()))) {
        database.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
