package org.ehcflow.disagreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Runs in the message's transaction, so a certificate the case refuses is refused to its sender.
 */
@Component("recordMediationCertificateDelegate")
public class RecordMediationCertificateDelegate implements JavaDelegate {

  private final DisagreementService disagreements;

  public RecordMediationCertificateDelegate(DisagreementService disagreements) {
    this.disagreements = disagreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    disagreements.recordCertificate(execution);
  }
}
