package org.ehcflow.reporting;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the case read model ({@link CaseClocks}) in step with the engine's history, in the same
 * transaction: its rows are written through the application's data source, which the engine's
 * command shares, so a step that fails leaves neither. The engine writes its own history rows only
 * when the command ends, so the model is worked out from the events, never read back from history.
 *
 * <p>Nothing is written as an event arrives: the events' writes are kept, in order, and made when
 * the step's command is flushed, as the engine's own history rows are. A start or completion that a
 * listener refuses after its variables were set (a value too long, a business key of 10,000
 * characters) then leaves nothing here either and keeps its 400, instead of failing on this model's
 * columns. Rows are always taken in one order, the case, then its values, then its clocks and
 * plans, so that two steps of one case wait for each other instead of deadlocking. A step sets many
 * variables of a case, so its clock and plan rows are worked out once, not on each variable.
 */
@Component
public class CaseClockHistoryPlugin extends AbstractProcessEnginePlugin {

  private final DataSource dataSource;

  public CaseClockHistoryPlugin(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers =
        configuration.getCustomHistoryEventHandlers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    Handler handler = new Handler(new JdbcTemplate(dataSource));
    handlers.add(handler);
    configuration.setCustomHistoryEventHandlers(handlers);
    List<SessionFactory> sessions =
        configuration.getCustomSessionFactories() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomSessionFactories());
    sessions.add(
        new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return ChangedCases.class;
          }

          @Override
          public Session openSession() {
            return new ChangedCases(handler);
          }
        });
    configuration.setCustomSessionFactories(sessions);
  }

  /**
   * What a command's events write, in their order, and the cases whose clock rows follow; all made
   * when the command flushes.
   */
  static final class ChangedCases implements Session {

    private final Handler handler;
    private final List<Runnable> writes = new ArrayList<>();
    private final Set<String> cases = new LinkedHashSet<>();

    ChangedCases(Handler handler) {
      this.handler = handler;
    }

    @Override
    public void flush() {
      writes.forEach(Runnable::run);
      writes.clear();
      cases.forEach(handler::writeClocks);
      cases.clear();
    }

    @Override
    public void close() {}
  }

  /** The engine keeps a business key of at most this many characters. */
  static final int ENGINE_BUSINESS_KEY_LENGTH = 255;

  record Handler(JdbcTemplate jdbc) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricProcessInstanceEventEntity process) {
        onCase(process);
      } else if (event instanceof HistoricVariableUpdateEventEntity variable) {
        onVariable(variable);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }

    private void onCase(HistoricProcessInstanceEventEntity event) {
      CaseClocks.Case c =
          new CaseClocks.Case(
              event.getProcessInstanceId(),
              event.getProcessDefinitionKey(),
              event.getBusinessKey(),
              event.getSuperProcessInstanceId() != null,
              event.getEndTime() == null);
      write(c.processInstanceId(), () -> writeCase(c));
    }

    private void writeCase(CaseClocks.Case c) {
      if (c.businessKey() != null && c.businessKey().length() > ENGINE_BUSINESS_KEY_LENGTH) {
        // The engine's own flush refuses this key and so the whole step; failing here first
        // would hide its answer (400, naming the limit) behind this table's.
        return;
      }
      int updated =
          jdbc.update(
              "UPDATE ehc_case SET pathway = ?, business_key = ?, called = ?, running = ?"
                  + " WHERE proc_inst_id = ?",
              c.pathway(),
              c.businessKey(),
              c.called(),
              c.running(),
              c.processInstanceId());
      if (updated == 0) {
        jdbc.update(
            CaseClocks.INSERT_CASE,
            c.processInstanceId(),
            c.pathway(),
            c.businessKey(),
            c.called(),
            c.running());
      }
    }

    private void onVariable(HistoricVariableUpdateEventEntity event) {
      String caseId = event.getProcessInstanceId();
      if (caseId == null
          || !Objects.equals(event.getExecutionId(), caseId)
          || !CaseClocks.NAMES.contains(event.getVariableName())
          // A removed variable keeps its last value in history, and so it does here.
          || event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE)) {
        return;
      }
      write(caseId, () -> writeValue(caseId, event));
    }

    private void writeValue(String caseId, HistoricVariableUpdateEventEntity event) {
      jdbc.queryForList(
          "SELECT proc_inst_id FROM ehc_case WHERE proc_inst_id = ? FOR UPDATE", caseId);
      Long number = event.getLongValue();
      int updated =
          event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
              ? 0
              : jdbc.update(
                  "UPDATE ehc_case_value SET text_value = ?, long_value = ? WHERE var_id = ?",
                  event.getTextValue(),
                  number,
                  event.getVariableInstanceId());
      if (updated == 0) {
        // First recorded now, as the engine's history records an update of an instance it lacks.
        jdbc.update(
            CaseClocks.INSERT_VALUE,
            event.getVariableInstanceId(),
            caseId,
            event.getVariableName(),
            event.getTextValue(),
            number,
            new Timestamp(event.getTimestamp().getTime()));
      }
    }

    private void write(String caseId, Runnable rows) {
      CommandContext command = Context.getCommandContext();
      if (command == null) {
        rows.run();
        writeClocks(caseId);
      } else {
        ChangedCases changed = command.getSession(ChangedCases.class);
        changed.writes.add(rows);
        changed.cases.add(caseId);
      }
    }

    void writeClocks(String caseId) {
      List<CaseClocks.Case> cases =
          jdbc.query(
              "SELECT pathway, business_key, called, running FROM ehc_case WHERE proc_inst_id = ?",
              (rs, n) ->
                  new CaseClocks.Case(
                      caseId, rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)),
              caseId);
      // Before the case's start is recorded there is nothing to report; its start writes the rows.
      if (cases.isEmpty()) {
        return;
      }
      CaseClocks.Case c = cases.get(0);
      List<CaseClocks.Value> values =
          jdbc.query(
              "SELECT name, text_value, long_value, create_time FROM ehc_case_value"
                  + " WHERE proc_inst_id = ?",
              (rs, n) ->
                  new CaseClocks.Value(
                      rs.getString(1),
                      rs.getString(2),
                      CaseClocks.number(rs, 3),
                      rs.getTimestamp(4)),
              c.processInstanceId());
      jdbc.update("DELETE FROM ehc_case_clock WHERE proc_inst_id = ?", c.processInstanceId());
      List<CaseClocks.Clock> clocks = CaseClocks.clocksOf(c, values);
      if (!clocks.isEmpty()) {
        jdbc.execute(
            CaseClocks.INSERT_CLOCK,
            (PreparedStatement insert) -> {
              for (CaseClocks.Clock clock : clocks) {
                CaseClocks.bind(insert, c, clock);
                insert.addBatch();
              }
              return insert.executeBatch();
            });
      }
      jdbc.update("DELETE FROM ehc_case_plan WHERE proc_inst_id = ?", c.processInstanceId());
      List<CaseClocks.Plan> plans = CaseClocks.plansOf(c, values);
      if (!plans.isEmpty()) {
        jdbc.execute(
            CaseClocks.INSERT_PLAN,
            (PreparedStatement insert) -> {
              for (CaseClocks.Plan plan : plans) {
                CaseClocks.bind(insert, c, plan);
                insert.addBatch();
              }
              return insert.executeBatch();
            });
      }
    }
  }
}
