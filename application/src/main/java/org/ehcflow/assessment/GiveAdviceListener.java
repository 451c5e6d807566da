package org.ehcflow.assessment;

import static org.ehcflow.assessment.AssessmentProcess.Vars.*;

import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.spin.plugin.variable.SpinValues;
import org.ehcflow.casefile.CaseDocument;
import org.ehcflow.casefile.DocumentStore;
import org.ehcflow.platform.CaseData;
import org.ehcflow.platform.EngineClock;
import org.springframework.stereotype.Component;

/**
 * An adviser's task: it carries its own kind of advice as a task-local variable, so the adviser
 * and any integration see which advice is asked for, and it cannot close without the advice.
 * The advice it closes with goes into the case file ({@code adviceReceived}), where the later
 * decisions read it: the adviser's own request scope, and the summary with it, ends here.
 */
@Component("giveAdviceListener")
public class GiveAdviceListener implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DocumentStore documents;

  public GiveAdviceListener(DocumentStore documents) {
    this.documents = documents;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariableLocal(ADVICE_TYPE, task.getVariable(ADVICE_TYPE));
      return;
    }
    CaseData data = CaseData.of(task);
    data.requiredString(ADVICE_SUMMARY, 20_000);
    data.check("advice");
    record(task);
  }

  /**
   * Appends this adviser's entry to the case's list. Advisers answer in parallel, so two
   * completions may change the list at once; the second then fails its commit with an optimistic
   * lock and the engine runs its completion again on the list as the first left it
   * ({@code ConcurrentChangeRetryPlugin}), so no entry is lost.
   */
  private void record(DelegateTask task) {
    DelegateExecution processInstance = task.getExecution().getProcessInstance();
    LocalDate received = EngineClock.today();
    String due = (String) task.getVariable(ADVICE_DUE);
    String givenBy = completedBy(task);

    ObjectNode entry = JSON.createObjectNode();
    entry.put(ADVICE_TYPE, (String) task.getVariable(ADVICE_TYPE));
    entry.put(ADVICE_LABEL, (String) task.getVariable(ADVICE_LABEL));
    entry.put("givenBy", givenBy);
    entry.put("givenByName", nameOf(givenBy));
    entry.put("receivedDate", received.toString());
    entry.put("dueDate", due);
    // Reg 8(1): within six weeks of the request, so advice given on the due day is on time.
    entry.put("onTime", due == null || !received.isAfter(LocalDate.parse(due)));
    entry.put("summary", (String) task.getVariable(ADVICE_SUMMARY));
    entry.put("taskId", task.getId());
    // The documents the adviser attached to this task, each already stored in its own transaction.
    ArrayNode attached = entry.putArray("documents");
    for (CaseDocument document : documents.ofTask(task.getId())) {
      attached.addObject().put("id", document.id()).put("name", document.name()).put("title", document.title())
          .put("contentType", document.contentType());
    }

    ArrayNode list = read(processInstance.getVariable(ADVICE_RECEIVED));
    list.add(entry);
    processInstance.setVariableLocal(ADVICE_RECEIVED, SpinValues.jsonValue(list.toString()).create());
  }

  /** An empty list to start from, so the forms show "no advice yet" rather than nothing. */
  static Object emptyList() {
    return SpinValues.jsonValue("[]").create();
  }

  private static ArrayNode read(Object current) {
    if (current == null) {
      return JSON.createArrayNode();
    }
    try {
      // A Json variable reads back as Spin's node; its text is the list as stored.
      return (ArrayNode) JSON.readTree(current.toString());
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException(ADVICE_RECEIVED + " is not a list of advice", e);
    }
  }

  /** The person whose completion this is: the logged-in user, else whoever holds the task. */
  private static String completedBy(DelegateTask task) {
    CommandContext command = Context.getCommandContext();
    String user = command == null ? null : command.getAuthenticatedUserId();
    return user != null ? user : task.getAssignee();
  }

  /**
   * The name the identity service has for the user, or the user id when it has none. Looked up
   * without the adviser's own authorizations: an adviser may not be allowed to read users.
   */
  private static String nameOf(String userId) {
    if (userId == null) {
      return null;
    }
    CommandContext command = Context.getCommandContext();
    User user = command.runWithoutAuthorization(() -> command.getReadOnlyIdentityProvider().findUserById(userId));
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }
}
