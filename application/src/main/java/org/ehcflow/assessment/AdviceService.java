package org.ehcflow.assessment;

import static org.ehcflow.vocabulary.AssessmentVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.ehcflow.casefile.CaseDocument;
import org.ehcflow.casefile.DocumentStore;
import org.ehcflow.documents.PlanContent;
import org.ehcflow.platform.CaseData;
import org.ehcflow.platform.EngineClock;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.vocabulary.AdviceKind;
import org.ehcflow.vocabulary.Code;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Service;

/**
 * The advice an EHC needs assessment seeks (reg 6): which advice to ask for, each adviser's request
 * and its due date, and the case file's record of the advice as it comes in ({@code
 * adviceReceived}, a Json array, one entry per adviser in the order it came in: each adviser's own
 * variables end with their request's scope, and the caseworker, the panel and the drafter read the
 * advice from here).
 */
@Service
public class AdviceService {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DocumentStore documents;

  public AdviceService(DocumentStore documents) {
    this.documents = documents;
  }

  /**
   * Reg 6(4): advice is reused only where the adviser, the council and the parent all agree it is
   * sufficient; the caseworker confirms that agreement for each kind of advice reused. Checks the
   * caseworker's plan and returns the kinds of advice reused.
   */
  public List<AdviceKind> checkAdvicePlan(VariableScope task) {
    CaseData data = CaseData.of(task);
    Set<String> reused = stringSet(REUSED_ADVICE.get(task));
    Set<String> reusable = Code.codes(AdviceKind.class);
    reused.stream()
        .filter(type -> !reusable.contains(type))
        .forEach(
            type ->
                data.problem(
                    REUSED_ADVICE, "'" + type + "' is not a kind of advice that can be reused"));
    if (!reused.isEmpty() && !Boolean.TRUE.equals(ifOfItsType(task, REUSE_AGREED_BY_ALL_THREE))) {
      data.problem(
          REUSE_AGREED_BY_ALL_THREE,
          "advice may be reused only if the adviser, the council and the parent agree");
    }
    data.optionalString(PARENT_REQUESTED_ADVICE, 500);
    data.check("advice plan");
    return reused.stream().map(type -> Code.parse(AdviceKind.class, type)).toList();
  }

  /**
   * The advice to seek: what the advice table requires, less what the adviser, the council and the
   * parent agreed is already sufficient (reg 6(4)).
   *
   * @param required the advice table's rows, as the engine keeps them
   * @param reused the kinds of advice reused, as the engine keeps them
   */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> adviceRequests(Object required, Object reused) {
    // Only the kinds of advice the plan could reuse, as checked when the caseworker made it.
    Set<String> reusedTypes = new LinkedHashSet<>();
    stringSet(reused).forEach(type -> reusedTypes.add(Code.parse(AdviceKind.class, type).code()));
    List<Map<String, Object>> requests = new ArrayList<>();
    for (Map<String, Object> advice : (Collection<Map<String, Object>>) required) {
      String kind = ADVICE_TYPE.get(advice);
      if (!reusedTypes.contains(kind)) {
        Map<String, Object> request = new LinkedHashMap<>();
        ADVICE_TYPE.put(request, kind);
        ADVISER_GROUP.put(request, ADVISER_GROUP.get(advice));
        ADVICE_LABEL.put(request, ADVICE_LABEL.get(advice));
        requests.add(request);
      }
    }
    return requests;
  }

  /**
   * One adviser's request, sent today, with its reg 8 due date.
   *
   * @param adviceType a kind of advice as the advice table names it (see {@code
   *     AssessmentVariables.ADVICE_TYPE})
   */
  public record AdviceRequest(
      String adviceType, String adviserGroup, String label, LocalDate requested, LocalDate due) {}

  /**
   * Opens one adviser's request, as {@link #adviceRequests} made it.
   *
   * @param request the request as the engine keeps it
   */
  @SuppressWarnings("unchecked")
  public AdviceRequest openRequest(Object request) {
    Map<String, Object> values = (Map<String, Object>) request;
    LocalDate sent = EngineClock.today();
    return new AdviceRequest(
        ADVICE_TYPE.get(values),
        ADVISER_GROUP.get(values),
        ADVICE_LABEL.get(values),
        sent,
        StatutoryClock.adviceDue(sent));
  }

  /** An empty list to start from, so the forms show "no advice yet" rather than nothing. */
  public static Object emptyAdviceList() {
    return SpinValues.jsonValue("[]").create();
  }

  /**
   * Checks an adviser's advice as they complete their task, and returns the case file's list of
   * advice with their entry appended. Advisers answer in parallel, so two completions may change
   * the list at once; the second then fails its commit with an optimistic lock and the engine runs
   * its completion again on the list as the first left it ({@code ConcurrentChangeRetryPlugin}), so
   * no entry is lost.
   *
   * @param adviceSoFar the case's list as the engine keeps it, or null
   */
  public Object adviceGiven(DelegateTask task, Object adviceSoFar) {
    CaseData data = CaseData.of(task);
    data.requiredString(ADVICE_SUMMARY, 20_000);
    data.check("advice");

    LocalDate received = EngineClock.today();
    LocalDate due = ADVICE_DUE.get(task);
    String givenBy = completedBy(task);

    ObjectNode entry = JSON.createObjectNode();
    entry.put(ADVICE_TYPE.name(), ADVICE_TYPE.get(task));
    entry.put(ADVICE_LABEL.name(), ADVICE_LABEL.get(task));
    entry.put("givenBy", givenBy);
    entry.put("givenByName", nameOf(givenBy));
    entry.put("receivedDate", received.toString());
    entry.put("dueDate", due == null ? null : due.toString());
    // Reg 8(1): within six weeks of the request, so advice given on the due day is on time.
    entry.put("onTime", due == null || !received.isAfter(due));
    entry.put("summary", ADVICE_SUMMARY.get(task));
    entry.put("taskId", task.getId());
    // The documents the adviser attached to this task, each already stored in its own transaction.
    ArrayNode attached = entry.putArray("documents");
    for (CaseDocument document : documents.ofTask(task.getId())) {
      attached
          .addObject()
          .put("id", document.id())
          .put("name", document.name())
          .put("title", document.title())
          .put("contentType", document.contentType());
    }

    ArrayNode list = read(adviceSoFar);
    list.add(entry);
    return SpinValues.jsonValue(list.toString()).create();
  }

  /**
   * The advice received as the plan lists it in section K: what advice, from whom, when, and the
   * documents the adviser attached (each by its name, and its title when it has one).
   *
   * @param adviceReceived the case's list as the engine keeps it, or null
   */
  public List<PlanContent.Advice> adviceForPlan(Object adviceReceived) {
    List<PlanContent.Advice> list = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode entry : read(adviceReceived)) {
      List<String> attached = new ArrayList<>();
      for (com.fasterxml.jackson.databind.JsonNode document : entry.path("documents")) {
        String name = document.path("name").asText("");
        String title = document.path("title").asText("");
        attached.add(title.isBlank() || title.equals(name) ? name : name + " (" + title + ")");
      }
      String received = entry.path("receivedDate").asText("");
      list.add(
          new PlanContent.Advice(
              firstOf(entry, ADVICE_LABEL.name(), ADVICE_TYPE.name()),
              firstOf(entry, "givenByName", "givenBy"),
              received.isBlank() ? null : LocalDate.parse(received),
              attached));
    }
    return list;
  }

  private static String firstOf(com.fasterxml.jackson.databind.JsonNode entry, String... fields) {
    for (String field : fields) {
      String value = entry.path(field).asText("");
      if (!value.isBlank() && !"null".equals(value)) {
        return value;
      }
    }
    return null;
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
    User user =
        command.runWithoutAuthorization(
            () -> command.getReadOnlyIdentityProvider().findUserById(userId));
    if (user == null) {
      return userId;
    }
    String name =
        ((user.getFirstName() == null ? "" : user.getFirstName())
                + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .strip();
    return name.isEmpty() ? userId : name;
  }

  /** The value, or null when it is not of its declared type (a check elsewhere refuses it). */
  private static <T> T ifOfItsType(VariableScope scope, Variable<T> variable) {
    try {
      return variable.get(scope);
    } catch (IllegalStateException notOfItsType) {
      return null;
    }
  }

  /** A form's multi-select arrives as JSON from Tasklist and as a list from Java or REST. */
  static Set<String> stringSet(Object value) {
    Set<String> values = new LinkedHashSet<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements()
          .forEach(
              element ->
                  values.add(element.isString() ? element.stringValue() : element.toString()));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(element -> values.add(String.valueOf(element)));
    } else if (value instanceof String text && !text.isBlank()) {
      for (String part : text.split(",")) {
        if (!part.isBlank()) {
          values.add(part.strip());
        }
      }
    }
    return values;
  }
}
