package org.ehcflow.vocabulary;

/**
 * The pathways' process keys and the messages they publish. A pathway starts or tells another only
 * through these and the other's start variables, so no pathway imports another.
 */
public final class Pathways {

  public static final String NEEDS_ASSESSMENT = "ehc-needs-assessment";
  public static final String CASE_EVENT = "ehc-record-case-event";
  public static final String ANNUAL_REVIEW = "ehc-annual-review";
  public static final String PHASE_TRANSFER = "ehc-phase-transfer";
  public static final String PHASE_TRANSFER_COHORT = "ehc-phase-transfer-cohort";
  public static final String SECTION_23_NOTIFICATION = "section-23-notification";
  public static final String DELIVER_NOTICE = "ehc-deliver-notice";
  public static final String DISAGREEMENT = "ehc-disagreement";

  /**
   * One compliance clock per Tribunal order, concession or mediation agreement; started with {@link
   * TribunalOrderVariables}.
   */
  public static final String TRIBUNAL_ORDER = "ehc-tribunal-order";

  public static final String TRANSFER_OUT = "ehc-transfer-out";
  public static final String TRANSFER_IN = "ehc-transfer-in";
  public static final String CEASE_PLAN = "ehc-cease-plan";

  /** A request to re-assess a plan; its advice and plan steps are the needs assessment's. */
  public static final String REASSESSMENT = "ehc-reassessment";

  /** Amending a plan (reg 22), called by an annual review or started between reviews. */
  public static final String AMEND_PLAN = "ehc-amend-plan";

  private Pathways() {}

  /** Message names, as the models' message definitions name them. */
  public static final class Messages {
    public static final String EXCEPTION_RECORDED = "ehc.exception-recorded";
    public static final String REQUEST_WITHDRAWN = "ehc.request-withdrawn";

    /** Project extension: a parent portal reports the parent's response to the draft plan. */
    public static final String DRAFT_RESPONSE_RECEIVED = "ehc.draft-response-received";

    public static final String REVIEW_SUPERSEDED = "ehc.review-superseded";
    public static final String APPEAL_LODGED = "ehc.appeal-lodged";
    public static final String MEDIATION_CERTIFICATE_ISSUED = "ehc.mediation-certificate-issued";
    public static final String RUN_PHASE_TRANSFER_COHORT = "ehc.run-phase-transfer-cohort";

    /** A family tells the council it wants mediation on a disputed decision. */
    public static final String MEDIATION_REQUESTED = "ehc.mediation-requested";

    /** The Tribunal has registered the family's appeal. */
    public static final String APPEAL_REGISTERED = "ehc.appeal-registered";

    /**
     * Sent by a transfer out (reg 15) to the child's assessment in progress, which does not
     * transfer: it ends as {@code moved}.
     */
    public static final String CHILD_MOVED_AWAY = "ehc.child-moved-away";

    private Messages() {}
  }
}
