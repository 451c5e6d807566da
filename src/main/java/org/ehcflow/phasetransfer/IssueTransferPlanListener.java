package org.ehcflow.phasetransfer;

import static org.ehcflow.phasetransfer.PhaseTransferProcess.Start.NAMED_SETTING;
import static org.ehcflow.phasetransfer.PhaseTransferProcess.Vars.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.platform.CaseData;
import org.ehcflow.statutory.TransferType;
import org.springframework.stereotype.Component;

/** Reg 18: the final amended plan naming the next setting, by 15 February or 31 March. */
@Component("issueTransferPlanListener")
public class IssueTransferPlanListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task.getVariables());
    LocalDate issued = data.notInTheFuture(FINAL_AMENDED_PLAN_ISSUED_DATE, data.requiredDate(FINAL_AMENDED_PLAN_ISSUED_DATE));
    LocalDate notice = data.optionalDate(AMENDMENT_NOTICE_DATE);
    if (issued != null && notice != null && issued.isBefore(notice)) {
      data.problem(FINAL_AMENDED_PLAN_ISSUED_DATE, "cannot be before the amendment notice (" + notice + ")");
    }
    data.requiredString(NAMED_SETTING, 200);
    String email = data.optionalEmail(NAMED_SETTING_EMAIL);
    data.check("final amended plan");
    task.setVariable(FINAL_AMENDED_PLAN_ISSUED_DATE, issued.toString());
    task.setVariable(NAMED_SETTING_EMAIL, email);
    task.setVariable(PhaseTransferProcess.Start.SETTING_PHASE,
        TransferType.fromCode(task.getVariable(PhaseTransferProcess.Start.TRANSFER_TYPE).toString()).nextPhase());
  }
}
