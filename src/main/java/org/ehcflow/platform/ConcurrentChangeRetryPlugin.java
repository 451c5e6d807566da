package org.ehcflow.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * A message (an exception recorded, a request withdrawn) or a task completion that arrives
 * while someone else changes the same case fails at commit with an optimistic locking
 * exception and nothing of it is saved. Rather than hand that race to the sender, who might
 * not send again, the engine runs the whole command once more on the case as it now is.
 *
 * <p>Only whole commands started outside any transaction are repeated, and only those whose
 * every effect is in the database (what they would send by mail waits in asynchronous steps),
 * so a repeat is the same as the caller sending again. A task completion that finds its task
 * gone, because someone else completed it a moment ago (the repeat after the race) or earlier
 * (history shows it ended), tells the caller so in words ({@link TaskNoLongerOpenException}),
 * in Tasklist as in the REST API. If the case keeps changing under every attempt, the
 * caller gets {@link ConcurrentChangeException}, which the REST API answers with 409.
 */
@Component
public class ConcurrentChangeRetryPlugin extends AbstractProcessEnginePlugin {

  /** Four attempts cover a burst of messages on one case; more would only hide a hot spot. */
  static final int ATTEMPTS = 4;

  private static final Logger log = LoggerFactory.getLogger(ConcurrentChangeRetryPlugin.class);

  private static final Set<Class<?>> REPEATABLE = Set.of(CorrelateMessageCmd.class, CorrelateAllMessageCmd.class,
      MessageEventReceivedCmd.class, StartProcessInstanceCmd.class, SubmitStartFormCmd.class, CompleteTaskCmd.class,
      SubmitTaskFormCmd.class);

  private static final Set<Class<?>> TASK_COMMANDS = Set.of(CompleteTaskCmd.class, SubmitTaskFormCmd.class);

  /** The engine's words when a task to complete does not exist; the only place its id is given. */
  private static final Pattern TASK_NOT_FOUND = Pattern.compile("Cannot find task with id (\\S+?):");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new RetryOnConcurrentChange(configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  static final class RetryOnConcurrentChange extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    RetryOnConcurrentChange(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (!REPEATABLE.contains(command.getClass()) || Context.getCommandContext() != null
          || TransactionSynchronizationManager.isActualTransactionActive()) {
        // A nested call or a caller's own transaction: only the outermost command may be repeated.
        return next.execute(command);
      }
      for (int attempt = 1; ; attempt++) {
        try {
          return next.execute(command);
        } catch (OptimisticLockingException e) {
          if (attempt >= ATTEMPTS) {
            throw new ConcurrentChangeException(e);
          }
          log.info("{} met a concurrent change of the same case (attempt {} of {}); running it again",
              command.getClass().getSimpleName(), attempt, ATTEMPTS);
          pause(attempt);
        } catch (NullValueException e) {
          if (TASK_COMMANDS.contains(command.getClass()) && (attempt > 1 || endedEarlier(e))) {
            throw new TaskNoLongerOpenException(e);
          }
          throw e;
        }
      }
    }

    private boolean endedEarlier(NullValueException notFound) {
      Matcher taskId = TASK_NOT_FOUND.matcher(String.valueOf(notFound.getMessage()));
      if (!taskId.find()) {
        return false;
      }
      try {
        HistoricTaskInstance task = configuration.getHistoryService().createHistoricTaskInstanceQuery()
            .taskId(taskId.group(1)).singleResult();
        return task != null && task.getEndTime() != null;
      } catch (RuntimeException e) {
        // A caller who may not read the task's history gets the engine's own answer.
        return false;
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
