package org.ehcflow.assessment;

/** The EHC needs assessment pathway, {@code processes/ehc-needs-assessment.bpmn}. */
public final class AssessmentProcess {

  public static final String KEY = "ehc-needs-assessment";

  private AssessmentProcess() {}
}
