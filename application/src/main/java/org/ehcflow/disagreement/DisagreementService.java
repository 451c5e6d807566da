package org.ehcflow.disagreement;

import static org.ehcflow.vocabulary.DisagreementVariables.*;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.spin.json.SpinJsonNode;
import org.ehcflow.platform.BusinessKeys;
import org.ehcflow.platform.CaseData;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.statutory.WorkingDayCalendar;
import org.ehcflow.vocabulary.AppealResponse;
import org.ehcflow.vocabulary.CaseKeys;
import org.ehcflow.vocabulary.Code;
import org.ehcflow.vocabulary.DisputedDecision;
import org.ehcflow.vocabulary.MediationOutcome;
import org.ehcflow.vocabulary.OrderSource;
import org.ehcflow.vocabulary.OrderType;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.TribunalOrderVariables;
import org.ehcflow.vocabulary.TribunalOutcome;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Service;

/**
 * The disagreement's rules (CFA 2014 ss.51-55, regs 32-45): what a dispute must say, its appeal
 * window, the mediation and Tribunal dates, and the compliance clocks its orders start.
 */
@Service
public class DisagreementService {

  /** What a caseworker or a system may send to open a disagreement. */
  static final Set<String> START_VARIABLES =
      Set.copyOf(
          Variable.names(
              CHILD_ID,
              CHILD_NAME,
              PARENT_EMAIL,
              DECISION_TYPE,
              DECISION_LETTER_DATE,
              SECTIONS_DISPUTED,
              ICB_EMAIL));

  /** Sections of a plan, as a family lists them: "B, F, I". */
  private static final Pattern SECTIONS = Pattern.compile("^[A-K](\\s*,\\s*[A-K])*$");

  private final WorkingDayCalendar workingDays;
  private final RuntimeService runtime;

  public DisagreementService(WorkingDayCalendar workingDays, RuntimeService runtime) {
    this.workingDays = workingDays;
    this.runtime = runtime;
  }

  /**
   * Refuses a dispute that does not name a child, an appealable decision and its letter; a dispute
   * that passes gets its appeal window (2 months from the letter) and its key.
   */
  public void acceptDispute(DelegateExecution execution) {
    CaseData data = CaseData.of(execution.getVariables());
    data.noOtherVariablesThan(START_VARIABLES);
    String childId = data.requiredString(CHILD_ID, 100);
    data.requiredString(CHILD_NAME, 200);
    data.requiredEmail(PARENT_EMAIL);
    data.requiredCode(DECISION_TYPE);
    LocalDate letter =
        data.notInTheFuture(DECISION_LETTER_DATE.name(), data.requiredDate(DECISION_LETTER_DATE));
    String sections = data.optionalString(SECTIONS_DISPUTED, 50);
    if (sections != null && !SECTIONS.matcher(sections.toUpperCase()).matches()) {
      data.problem(
          SECTIONS_DISPUTED, "must list plan sections A to K separated by commas, e.g. B,F,I");
    }
    data.optionalEmail(ICB_EMAIL);
    data.check("disagreement");
    data.applyTo(execution);
    if (sections != null) {
      SECTIONS_DISPUTED.set(execution, sections.toUpperCase().replaceAll("\\s", ""));
    }
    APPEAL_WINDOW_ENDS.set(execution, StatutoryClock.appealWindowEnds(letter));
    BusinessKeys.giveIfMissing(execution, CaseKeys.disagreement(childId, letter));
  }

  /**
   * Reg 36-37: mediation within 30 days of the family telling the council; the ICB told within 3
   * working days when health is in issue. Runs in the message's transaction, so a refused request
   * is refused to its sender and changes nothing.
   */
  private static final List<Variable<?>> EARLIER_MEDIATION =
      List.of(
          ICB_NOTIFICATION_DUE,
          ICB_TOLD_DATE,
          MEDIATION_OUTCOME,
          MEDIATION_ENDED_DATE,
          AGREEMENT_DATE,
          AGREED_ORDERS,
          AGREED_ACTIONS,
          AGREED_ACTION_DUE);

  public void recordMediationRequest(DelegateExecution execution) {
    CaseData data = CaseData.of(execution);
    LocalDate requested =
        data.notInTheFuture(
            MEDIATION_REQUESTED_DATE.name(), data.requiredDate(MEDIATION_REQUESTED_DATE));
    notBeforeTheLetter(data, execution, MEDIATION_REQUESTED_DATE, requested);
    if (!HEALTH_IN_ISSUE.isSet(execution)) {
      data.problem(HEALTH_IN_ISSUE, "is required (true or false)");
    }
    Boolean health = data.optionalBoolean(HEALTH_IN_ISSUE);
    data.requiredString(MEDIATION_ISSUES, 5_000);
    data.check("mediation request");
    // A family may ask again after an earlier mediation (on other issues, or after an agreement
    // was not kept). The case holds one mediation at a time: the earlier one's outcome stays in
    // the history, but left on the case it would stand in this one's form and checks.
    for (Variable<?> earlier : EARLIER_MEDIATION) {
      if (execution.hasVariable(earlier.name())) {
        execution.removeVariable(earlier.name());
      }
    }
    data.applyTo(execution);
    MEDIATION_DUE.set(execution, StatutoryClock.mediationDue(requested));
    if (Boolean.TRUE.equals(health)) {
      ICB_NOTIFICATION_DUE.set(
          execution, workingDays.after(requested, StatutoryClock.ICB_NOTICE_WORKING_DAYS));
    }
  }

  public void recordIcbTold(VariableScope task) {
    CaseData data = CaseData.of(task);
    LocalDate told = data.notInTheFuture(ICB_TOLD_DATE.name(), data.requiredDate(ICB_TOLD_DATE));
    LocalDate requested = MEDIATION_REQUESTED_DATE.require(task);
    if (told != null && told.isBefore(requested)) {
      data.problem(ICB_TOLD_DATE, "cannot be before the mediation request (" + requested + ")");
    }
    data.check("ICB notification");
  }

  /**
   * Regs 35-42: every mediation ends in a certificate within 3 working days of its end (or of the
   * council telling the adviser it cannot arrange it). The appeal window cannot close before that
   * certificate has had its month, so it is held open until then; the certificate itself sets it.
   */
  public void recordMediationOutcome(VariableScope task) {
    CaseData data = CaseData.of(task);
    MediationOutcome outcome = data.requiredCode(MEDIATION_OUTCOME);
    LocalDate requested = MEDIATION_REQUESTED_DATE.require(task);
    LocalDate ended =
        data.notInTheFuture(MEDIATION_ENDED_DATE.name(), data.requiredDate(MEDIATION_ENDED_DATE));
    notBefore(data, MEDIATION_ENDED_DATE, ended, requested, "the mediation request");
    boolean agreed = outcome == MediationOutcome.AGREEMENT;
    Set<String> orders = orderCodes(data, AGREED_ORDERS, task);
    if (agreed) {
      LocalDate agreement =
          data.notInTheFuture(AGREEMENT_DATE.name(), data.requiredDate(AGREEMENT_DATE));
      notBefore(data, AGREEMENT_DATE, agreement, requested, "the mediation request");
      if (orders.isEmpty()) {
        data.problem(AGREED_ORDERS, "tick at least one agreed action");
      }
      LocalDate due = data.optionalDate(AGREED_ACTION_DUE);
      notBefore(data, AGREED_ACTION_DUE, due, agreement, "the agreement");
    } else {
      for (Variable<?> agreementOnly : List.of(AGREEMENT_DATE, AGREED_ORDERS, AGREED_ACTION_DUE)) {
        if (hasValue(task.getVariable(agreementOnly.name()))) {
          data.problem(agreementOnly, "is only for a mediation that ended in agreement");
        }
      }
    }
    data.optionalString(AGREED_ACTIONS, 5_000);
    data.check("mediation outcome");
    data.applyTo(task);
    LocalDate certificateDue =
        workingDays.after(ended, StatutoryClock.MEDIATION_CERTIFICATE_WORKING_DAYS);
    CERTIFICATE_DUE_BY.set(task, certificateDue);
    LocalDate heldOpen =
        StatutoryClock.appealWindowEnds(DECISION_LETTER_DATE.require(task), certificateDue);
    if (heldOpen.isAfter(APPEAL_WINDOW_ENDS.require(task))) {
      APPEAL_WINDOW_ENDS.set(task, heldOpen);
    }
  }

  /**
   * FTT Rules r.20: the window runs to the later of 2 months from the letter and 1 month from the
   * certificate. A cease decision's plan is kept while the window is open, so the child's cease
   * case waiting on that window (between reviews or called by a review) hears of the certificate
   * too.
   */
  public void recordCertificate(DelegateExecution execution) {
    CaseData data = CaseData.of(execution);
    LocalDate certificate =
        data.notInTheFuture(
            MEDIATION_CERTIFICATE_DATE.name(), data.requiredDate(MEDIATION_CERTIFICATE_DATE));
    notBeforeTheLetter(data, execution, MEDIATION_CERTIFICATE_DATE, certificate);
    data.check("mediation certificate");
    APPEAL_WINDOW_ENDS.set(
        execution,
        StatutoryClock.appealWindowEnds(DECISION_LETTER_DATE.require(execution), certificate));
    if (DECISION_TYPE.require(execution) == DisputedDecision.CEASE) {
      for (String ceasing :
          ceaseCasesWaitingFor(execution, Pathways.Messages.MEDIATION_CERTIFICATE_ISSUED)) {
        runtime
            .createMessageCorrelation(Pathways.Messages.MEDIATION_CERTIFICATE_ISSUED)
            .processInstanceId(ceasing)
            .setVariable(
                MEDIATION_CERTIFICATE_DATE.name(), MEDIATION_CERTIFICATE_DATE.encode(certificate))
            .correlate();
      }
    }
  }

  /**
   * The appeal is the Tribunal's from here. During an appeal against ceasing the plan is maintained
   * (s.45), so the child's cease case, waiting on its decision's window, hears of it.
   */
  public void recordAppealRegistered(DelegateExecution execution) {
    CaseData data = CaseData.of(execution);
    LocalDate registered =
        data.notInTheFuture(
            APPEAL_REGISTERED_DATE.name(), data.requiredDate(APPEAL_REGISTERED_DATE));
    notBeforeTheLetter(data, execution, APPEAL_REGISTERED_DATE, registered);
    data.requiredString(TRIBUNAL_REFERENCE, 100);
    data.check("appeal registration");
    data.applyTo(execution);
    if (DECISION_TYPE.require(execution) == DisputedDecision.CEASE) {
      for (String ceasing : ceaseCasesWaitingFor(execution, Pathways.Messages.APPEAL_LODGED)) {
        runtime
            .createMessageCorrelation(Pathways.Messages.APPEAL_LODGED)
            .processInstanceId(ceasing)
            .correlate();
      }
    }
  }

  /** Dates the Tribunal sets are data; each follows the registration of the appeal. */
  public void recordDirections(VariableScope task) {
    CaseData data = CaseData.of(task);
    LocalDate registered = APPEAL_REGISTERED_DATE.require(task);
    LocalDate responseDue = data.requiredDate(RESPONSE_DUE);
    afterTheAppeal(data, RESPONSE_DUE, responseDue, registered);
    afterTheAppeal(data, EVIDENCE_DUE, data.requiredDate(EVIDENCE_DUE), registered);
    afterTheAppeal(data, HEARING_DATE, data.optionalDate(HEARING_DATE), registered);
    data.check("Tribunal directions");
    RESPONSE_ESCALATION_FROM.set(
        task,
        workingDays.before(responseDue, StatutoryClock.APPEAL_RESPONSE_ESCALATION_WORKING_DAYS));
  }

  /**
   * Reg 45: a council that concedes records what it conceded; the clocks run from the concession.
   */
  public void recordResponse(VariableScope task) {
    CaseData data = CaseData.of(task);
    LocalDate registered = APPEAL_REGISTERED_DATE.require(task);
    AppealResponse response = data.requiredCode(APPEAL_RESPONSE);
    Set<String> conceded = orderCodes(data, CONCEDED_ORDERS, task);
    if (response == AppealResponse.DEFEND) {
      LocalDate sent =
          data.notInTheFuture(
              RESPONSE_SUBMITTED_DATE.name(), data.requiredDate(RESPONSE_SUBMITTED_DATE));
      notBefore(data, RESPONSE_SUBMITTED_DATE, sent, registered, "the appeal (registered)");
      for (Variable<?> concessionOnly : List.of(CONCESSION_DATE, CONCEDED_ORDERS)) {
        if (hasValue(task.getVariable(concessionOnly.name()))) {
          data.problem(concessionOnly, "is only for a conceded appeal");
        }
      }
    } else if (response == AppealResponse.CONCEDE) {
      LocalDate conceded1 =
          data.notInTheFuture(CONCESSION_DATE.name(), data.requiredDate(CONCESSION_DATE));
      notBefore(data, CONCESSION_DATE, conceded1, registered, "the appeal (registered)");
      if (conceded.isEmpty()) {
        data.problem(CONCEDED_ORDERS, "tick at least one order the council concedes");
      }
    }
    data.optionalString(ORDER_DETAIL, 5_000);
    data.check("response to the appeal");
  }

  public void recordDecision(VariableScope task) {
    CaseData data = CaseData.of(task);
    LocalDate registered = APPEAL_REGISTERED_DATE.require(task);
    LocalDate decided = data.notInTheFuture(DECISION_DATE.name(), data.requiredDate(DECISION_DATE));
    notBefore(data, DECISION_DATE, decided, registered, "the appeal (registered)");
    TribunalOutcome outcome = data.requiredCode(TRIBUNAL_OUTCOME);
    Set<String> orders = orderCodes(data, TRIBUNAL_ORDERS, task);
    if (outcome != null && outcome != TribunalOutcome.DISMISSED && orders.isEmpty()) {
      data.problem(TRIBUNAL_ORDERS, "an appeal upheld in whole or part orders something: tick it");
    }
    data.optionalString(ORDER_DETAIL, 5_000);
    data.check("Tribunal decision");
  }

  /** One compliance clock ({@code ehc-tribunal-order}) per order, concession or agreed action. */
  public int startOrders(DelegateExecution execution, OrderSource source) {
    Variable<Object> list;
    LocalDate orderDate;
    String detail;
    switch (source) {
      case MEDIATION_AGREEMENT -> {
        list = AGREED_ORDERS;
        orderDate = AGREEMENT_DATE.require(execution);
        detail = AGREED_ACTIONS.get(execution);
      }
      case UNOPPOSED -> {
        list = CONCEDED_ORDERS;
        orderDate = CONCESSION_DATE.require(execution);
        detail = ORDER_DETAIL.get(execution);
      }
      default -> {
        list = TRIBUNAL_ORDERS;
        orderDate = DECISION_DATE.require(execution);
        detail = ORDER_DETAIL.get(execution);
      }
    }
    int started = 0;
    for (String code : codes(list.get(execution))) {
      OrderType type = Code.parse(OrderType.class, code);
      Map<String, Object> order = new java.util.HashMap<>();
      TribunalOrderVariables.CHILD_ID.put(order, CHILD_ID.require(execution));
      TribunalOrderVariables.CHILD_NAME.put(order, CHILD_NAME.require(execution));
      TribunalOrderVariables.PARENT_EMAIL.put(order, PARENT_EMAIL.require(execution));
      TribunalOrderVariables.ORDER_TYPE.put(order, type);
      TribunalOrderVariables.ORDER_DATE.put(order, orderDate);
      TribunalOrderVariables.ORDER_SOURCE.put(order, source);
      if (detail != null) {
        TribunalOrderVariables.ORDER_DETAIL.put(order, detail);
      }
      if (source == OrderSource.MEDIATION_AGREEMENT && type == OrderType.AGREED_ACTION) {
        LocalDate agreedDue = AGREED_ACTION_DUE.get(execution);
        TribunalOrderVariables.AGREED_ACTION_DUE.put(
            order, agreedDue != null ? agreedDue : StatutoryClock.agreedActionDue(orderDate));
      }
      String reference = TRIBUNAL_REFERENCE.get(execution);
      if (reference != null) {
        TribunalOrderVariables.APPEAL_REFERENCE.put(order, reference);
      }
      runtime.startProcessInstanceByKey(
          Pathways.TRIBUNAL_ORDER,
          CaseKeys.tribunalOrder(CHILD_ID.require(execution), orderDate, type.code()),
          order);
      started++;
    }
    Integer before = ORDERS_STARTED.get(execution);
    ORDERS_STARTED.set(execution, (before == null ? 0 : before) + started);
    return started;
  }

  /** The child's cease cases now waiting for this message (a cease decision's window). */
  private List<String> ceaseCasesWaitingFor(DelegateExecution execution, String message) {
    return runtime
        .createExecutionQuery()
        .processDefinitionKey(Pathways.CEASE_PLAN)
        .messageEventSubscriptionName(message)
        .processVariableValueEquals(CHILD_ID.name(), CHILD_ID.require(execution))
        .list()
        .stream()
        .map(Execution::getProcessInstanceId)
        .distinct()
        .toList();
  }

  private static void notBeforeTheLetter(
      CaseData data, VariableScope scope, Variable<LocalDate> variable, LocalDate date) {
    notBefore(
        data,
        variable,
        date,
        DECISION_LETTER_DATE.require(scope),
        "the disputed decision's letter");
  }

  private static void notBefore(
      CaseData data,
      Variable<LocalDate> variable,
      LocalDate date,
      LocalDate earliest,
      String what) {
    if (date != null && earliest != null && date.isBefore(earliest)) {
      data.problem(variable, "cannot be before " + what + " (" + earliest + ")");
    }
  }

  /** A date the Tribunal sets comes after the appeal it belongs to. */
  private static void afterTheAppeal(
      CaseData data, Variable<LocalDate> variable, LocalDate date, LocalDate registered) {
    if (date != null && !date.isAfter(registered)) {
      data.problem(variable, "must be after the appeal was registered (" + registered + ")");
    }
  }

  private static Set<String> orderCodes(CaseData data, Variable<Object> list, VariableScope scope) {
    Object raw = scope.getVariable(list.name());
    if (raw != null && !(raw instanceof SpinJsonNode) && !(raw instanceof Collection<?>)) {
      data.problem(list, "must be a list of order types");
      return Set.of();
    }
    Set<String> codes = codes(raw);
    Set<String> known = Code.codes(OrderType.class);
    for (String code : codes) {
      if (!known.contains(code)) {
        data.problem(list, "'" + code + "' is not one of " + known);
      }
    }
    return codes;
  }

  /** The codes of a ticked list, as a form (Json) or code (a list) hands it over. */
  static Set<String> codes(Object raw) {
    Set<String> codes = new LinkedHashSet<>();
    if (raw instanceof SpinJsonNode json && json.isArray()) {
      json.elements()
          .forEach(
              element ->
                  codes.add(element.isString() ? element.stringValue() : element.toString()));
    } else if (raw instanceof Collection<?> collection) {
      collection.forEach(element -> codes.add(String.valueOf(element)));
    }
    return codes;
  }

  private static boolean hasValue(Object raw) {
    if (raw == null) {
      return false;
    }
    if (raw instanceof String text) {
      return !text.isBlank();
    }
    return !codes(raw).isEmpty() || !(raw instanceof SpinJsonNode || raw instanceof Collection<?>);
  }
}
