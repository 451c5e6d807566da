package org.ehcflow.tribunal;

import org.ehcflow.vocabulary.Pathways;

/**
 * The compliance clocks of one Tribunal order, unopposed appeal or mediation agreement, {@code
 * processes/ehc-tribunal-order.bpmn} (reg 44, 45; reg 42 for agreements).
 */
public final class TribunalOrderProcess {

  public static final String KEY = Pathways.TRIBUNAL_ORDER;

  /** The published table of limits, {@code processes/tribunal-compliance.dmn}. */
  public static final String DECISION = "decision_tribunalCompliance";

  private TribunalOrderProcess() {}

  public static final class Elements {
    public static final String LOOK_UP_LIMITS = "businessRuleTask_lookUpComplianceLimits";
    public static final String SET_DATES = "serviceTask_setComplianceDates";
    public static final String ASK_FOR_RESPONSE = "serviceTask_askForRecommendationResponse";
    public static final String COMPLY = "userTask_complyWithOrder";
    public static final String WARN_LIMIT_NEAR = "serviceTask_warnManagersLimitNear";
    public static final String REVIEW_LIMIT_NEAR = "userTask_reviewOrderLimitNear";
    public static final String WARN_LIMIT_PASSED = "serviceTask_warnManagersLimitPassed";
    public static final String ACT_ON_LATE_ORDER = "userTask_actOnLateOrder";
    public static final String TELL_PARENT = "serviceTask_tellParentStepDone";
    public static final String OPEN_NEXT_STEP = "serviceTask_openNextComplianceStep";
    public static final String RECORD_EXCEPTION = "serviceTask_recordOrderException";
    public static final String END_COMPLIED = "endEvent_orderComplied";

    private Elements() {}
  }
}
