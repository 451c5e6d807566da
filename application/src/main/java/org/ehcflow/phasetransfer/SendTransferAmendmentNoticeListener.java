package org.ehcflow.phasetransfer;

import static org.ehcflow.phasetransfer.PhaseTransferProcess.Vars.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ehcflow.phasetransfer.PhaseTransferProcess.Recorded;
import org.ehcflow.platform.CaseData;
import org.ehcflow.statutory.StatutoryClock;
import org.springframework.stereotype.Component;

/** Reg 22: the amendment notice names the proposed next setting; the parent has 15 days to comment. */
@Component("sendTransferAmendmentNoticeListener")
public class SendTransferAmendmentNoticeListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData data = CaseData.of(task);
    LocalDate notice = data.notInTheFuture(AMENDMENT_NOTICE_DATE, data.requiredDate(AMENDMENT_NOTICE_DATE));
    data.requiredString(PROPOSED_SETTING, 200);
    data.requiredString(Recorded.PROPOSED_AMENDMENTS, 20_000);
    data.check("amendment notice");
    CaseData.setIfChanged(task, AMENDMENT_NOTICE_DATE, notice.toString());
    task.setVariable(AMENDMENT_COMMENT_WINDOW_ENDS, StatutoryClock.commentWindowEnds(notice).toString());
  }
}
