package org.ehcflow.vocabulary;

import java.time.LocalDate;

/**
 * The start variables of {@code ehc-tribunal-order}: one compliance clock per order, concession or
 * agreed action. A disagreement starts it through {@link Pathways#TRIBUNAL_ORDER} and these names
 * only.
 */
public final class TribunalOrderVariables {

  public static final Variable<String> CHILD_ID = ChildVariables.CHILD_ID;
  public static final Variable<String> CHILD_NAME = ChildVariables.CHILD_NAME;
  public static final Variable<String> PARENT_EMAIL = ChildVariables.PARENT_EMAIL;
  public static final Variable<OrderType> ORDER_TYPE = Variable.code("orderType", OrderType.class);
  public static final Variable<LocalDate> ORDER_DATE = Variable.date("orderDate");
  public static final Variable<OrderSource> ORDER_SOURCE =
      Variable.code("orderSource", OrderSource.class);
  public static final Variable<String> ORDER_DETAIL = Variable.text("orderDetail");

  /** An agreed action outside the reg 44 table: 2 weeks from the agreement unless agreed. */
  public static final Variable<LocalDate> AGREED_ACTION_DUE = Variable.date("agreedActionDue");

  public static final Variable<String> APPEAL_REFERENCE = Variable.text("appealReference");

  private TribunalOrderVariables() {}
}
