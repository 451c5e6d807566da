package org.ehcflow.tribunal;

import static org.ehcflow.vocabulary.TribunalOrderVariables.*;

import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.vocabulary.CaseKeys;
import org.ehcflow.vocabulary.OrderType;
import org.ehcflow.vocabulary.Variable;
import org.springframework.stereotype.Component;

/**
 * Checks an order's start, from the disagreement pathway, a caseworker's start form or REST, before
 * anything is kept. Whether the order can come from that source (a recommendation only from the
 * Tribunal, an agreed action only from mediation) is the decision table's to say, so it is checked
 * where the table is read, in the same transaction.
 */
@Component("tribunalOrderStartValidator")
public class TribunalOrderStartValidator implements ExecutionListener {

  static final Set<String> START =
      Variable.names(
          CHILD_ID,
          CHILD_NAME,
          PARENT_EMAIL,
          ORDER_TYPE,
          ORDER_DATE,
          ORDER_SOURCE,
          ORDER_DETAIL,
          AGREED_ACTION_DUE,
          APPEAL_REFERENCE,
          ICB_EMAIL);

  @Override
  public void notify(DelegateExecution execution) {
    CaseData data = CaseData.of(execution.getVariables());
    data.noOtherVariablesThan(START);
    String childId = data.requiredString(CHILD_ID, 64);
    data.requiredString(CHILD_NAME, 200);
    data.requiredEmail(PARENT_EMAIL);
    OrderType type = data.requiredCode(ORDER_TYPE);
    // The clocks run from a date that has happened: an order is recorded after it is made.
    LocalDate orderDate = data.notInTheFuture(ORDER_DATE, data.requiredDate(ORDER_DATE));
    data.requiredCode(ORDER_SOURCE);
    data.optionalString(ORDER_DETAIL, 2_000);
    data.optionalString(APPEAL_REFERENCE, 100);
    data.optionalEmail(ICB_EMAIL);
    LocalDate agreedDue = data.optionalDate(AGREED_ACTION_DUE);
    if (agreedDue != null && type != null && type != OrderType.AGREED_ACTION) {
      data.problem(
          AGREED_ACTION_DUE,
          "is only for an agreed-action; a " + type.code() + " order keeps its reg 44 limit");
    } else if (agreedDue != null && orderDate != null && agreedDue.isBefore(orderDate)) {
      data.problem(
          AGREED_ACTION_DUE, "cannot be before the agreement (orderDate " + orderDate + ")");
    }
    data.check("start of a Tribunal order's compliance");
    data.applyTo(execution);
    String given = execution.getProcessBusinessKey();
    if (given == null || given.isBlank()) {
      execution.setProcessBusinessKey(CaseKeys.tribunalOrder(childId, orderDate, type.code()));
    }
  }
}
