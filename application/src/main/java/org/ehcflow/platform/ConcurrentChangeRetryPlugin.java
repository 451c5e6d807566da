package org.ehcflow.platform;

import java.lang.reflect.Field;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A message (an exception recorded, a request withdrawn) or a task completion that arrives while
 * someone else changes the same case fails at commit with an optimistic locking exception and
 * nothing of it is saved. Rather than hand that race to the sender, who might not send again, the
 * engine runs the whole command once more on the case as it now is.
 *
 * <p>Only whole commands started outside any transaction are repeated, and only those whose every
 * effect is in the database (what they would send by mail waits in asynchronous steps), so a repeat
 * is the same as the caller sending again. A task completion that finds its task gone, because
 * someone else completed it a moment ago (the repeat after the race) or earlier (history shows it
 * ended), tells the caller so in words ({@link TaskNoLongerOpenException}), in Tasklist as in the
 * REST API. If the case keeps changing under every attempt, the caller gets {@link
 * ConcurrentChangeException}, which the REST API answers with 409. (This is an engine extension
 * point outside Camunda's public service API: a command interceptor placed before the transaction,
 * so each attempt is a transaction of its own.)
 */
@Component
public class ConcurrentChangeRetryPlugin extends AbstractProcessEnginePlugin {

  /** Four attempts cover a burst of messages on one case; more would only hide a hot spot. */
  static final int ATTEMPTS = 4;

  private static final Logger log = LoggerFactory.getLogger(ConcurrentChangeRetryPlugin.class);

  private static final Set<Class<?>> REPEATABLE =
      Set.of(
          CorrelateMessageCmd.class,
          CorrelateAllMessageCmd.class,
          MessageEventReceivedCmd.class,
          StartProcessInstanceCmd.class,
          SubmitStartFormCmd.class,
          CompleteTaskCmd.class,
          SubmitTaskFormCmd.class);

  private static final Set<Class<?>> TASK_COMMANDS =
      Set.of(CompleteTaskCmd.class, SubmitTaskFormCmd.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors =
        configuration.getCustomPreCommandInterceptorsTxRequired() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new RetryOnConcurrentChange(configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /**
   * The engine's own optimistic lock, or the database giving up one of two transactions that
   * changed the same rows in opposite order (PostgreSQL's deadlock detection, a serialization
   * failure): either way nothing was saved and the command may simply run again.
   */
  static boolean isConcurrentChange(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException) {
        return true;
      }
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().equals("40P01") || sql.getSQLState().equals("40001"))) {
        return true;
      }
      if (cause instanceof SQLException sql
          && sql.getNextException() != null
          && isConcurrentChange(sql.getNextException())) {
        return true;
      }
    }
    return false;
  }

  static final class RetryOnConcurrentChange extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    RetryOnConcurrentChange(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (!REPEATABLE.contains(command.getClass())
          || Context.getCommandContext() != null
          || TransactionSynchronizationManager.isActualTransactionActive()) {
        // A nested call or a caller's own transaction: only the outermost command may be repeated.
        return next.execute(command);
      }
      for (int attempt = 1; ; attempt++) {
        try {
          return next.execute(command);
        } catch (RuntimeException e) {
          if (!isConcurrentChange(e)) {
            throw closedUnderTheCompletion(command, attempt, e)
                ? new TaskNoLongerOpenException(e)
                : e;
          }
          if (attempt >= ATTEMPTS) {
            throw new ConcurrentChangeException(e);
          }
          log.info(
              "{} met a concurrent change of the same case (attempt {} of {}); running it again",
              command.getClass().getSimpleName(),
              attempt,
              ATTEMPTS);
          pause(attempt);
        }
      }
    }

    /**
     * A task completion that failed because another request closed the task while it ran: the task
     * was gone on a repeat, or history now shows it ended. Closed between the completion reading
     * the task and reading its case, the entries were set on no case at all and the form's own
     * checks then find them missing; the person is told the task was closed, not that a field they
     * filled in is empty.
     */
    private boolean closedUnderTheCompletion(
        Command<?> command, int attempt, RuntimeException failure) {
      if (!TASK_COMMANDS.contains(command.getClass())) {
        return false;
      }
      return (attempt > 1 && failure instanceof NullValueException) || hasEnded(taskIdOf(command));
    }

    private boolean hasEnded(String taskId) {
      if (taskId == null) {
        return false;
      }
      try {
        HistoricTaskInstance task =
            configuration
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .taskId(taskId)
                .singleResult();
        return task != null && task.getEndTime() != null;
      } catch (RuntimeException e) {
        // A caller who may not read the task's history gets the engine's own answer.
        return false;
      }
    }

    /** The task a completion is for; the engine's command keeps it in a field of that name. */
    private static String taskIdOf(Command<?> command) {
      try {
        Field taskId = command.getClass().getDeclaredField("taskId");
        taskId.setAccessible(true);
        return (String) taskId.get(command);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }

    private static void pause(int attempt) {
      try {
        // Short and jittered, so two repeating callers do not meet again at the same moment.
        Thread.sleep(20L * attempt + (long) (Math.random() * 30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProcessEngineException("interrupted while waiting to repeat a command", e);
      }
    }
  }
}
