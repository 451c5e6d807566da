package org.ehcflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.SmokeModel;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.NoticeDeliveryVariables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

@EhcIntegrationTest
class NoticeSendingTest {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired NoticeOutbox outbox;
  @Autowired JavaMailSender mailSender;

  @BeforeEach
  void deployAndFixTheClock() {
    SmokeModel.deploy(repository);
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-03-02T09:30:00Z")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void notices_go_through_the_sender_that_keeps_its_connections_with_spring_mail_settings() {
    assertThat(mailSender).isInstanceOf(ReusingMailSender.class);
    ReusingMailSender sender = (ReusingMailSender) mailSender;
    assertThat(sender.getHost()).isEqualTo("127.0.0.1");
    assertThat(sender.getPort()).isEqualTo(TestMail.SMTP_PORT);
    assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.timeout", "10000");
    assertThat(sender.getJavaMailProperties().get("mail.smtp.socketFactory"))
        .as("Nagle off, so a notice's last segment does not wait for a delayed acknowledgement")
        .isInstanceOf(NoDelaySockets.Plain.class);
  }

  @Test
  void a_notice_is_delivered_to_the_parent_with_subject_and_body_from_its_template()
      throws Exception {
    ProcessInstance instance = startCase("amelia@example.org", "Amelia Test");
    assertThat(mail.getReceivedMessages())
        .as("nothing is sent inside the starting request")
        .isEmpty();

    management.executeJob(noticeJob(instance).getId());

    MimeMessage[] received = mail.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getAllRecipients())
        .extracting(Object::toString)
        .containsExactly("amelia@example.org");
    assertThat(received[0].getSubject()).isEqualTo("Test notice about Amelia Test");
    assertThat(TestMail.text(received[0]))
        .contains(
            "This is a test notice from Example Council about Amelia Test, sent on 2026-03-02.");
    assertThat(outbox.sentFor(instance.getId()))
        .singleElement()
        .satisfies(
            notice -> {
              assertThat(notice.noticeType()).isEqualTo("test-notice");
              assertThat(notice.recipient()).isEqualTo("amelia@example.org");
            });
    assertThat(
            runtime
                .createExecutionQuery()
                .processInstanceId(instance.getId())
                .activityId(SmokeModel.REVIEW_TASK)
                .count())
        .isEqualTo(1);
  }

  @Test
  void
      with_the_mail_server_down_the_case_goes_on_and_the_notice_is_retried_then_an_incident_until_it_is_sent()
          throws Exception {
    mail.stop();
    ProcessInstance instance = startCase("ben@example.org", "Ben Test");

    management.executeJob(noticeJob(instance).getId());
    assertThat(
            runtime
                .createExecutionQuery()
                .processInstanceId(instance.getId())
                .activityId(SmokeModel.REVIEW_TASK)
                .count())
        .as("the case does not wait for the mail server")
        .isEqualTo(1);
    ProcessInstance delivery =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(NoticeDelivery.KEY)
            .processInstanceBusinessKey(instance.getBusinessKey())
            .singleResult();
    assertThat(delivery)
        .as("the notice handed to its own delivery, under the case's business key")
        .isNotNull();
    assertThat(runtime.getVariable(delivery.getId(), NoticeDeliveryVariables.NOTICE_ID.name()))
        .isEqualTo(noticeIdFor(instance, "ben@example.org"));
    assertThat(
            runtime.getVariable(
                delivery.getId(), NoticeDeliveryVariables.CASE_PROCESS_INSTANCE_ID.name()))
        .isEqualTo(instance.getId());

    int attempts = 0;
    Job job = deliveryJob(delivery);
    while (job.getRetries() > 0) {
      String jobId = job.getId();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> management.executeJob(jobId));
      attempts++;
      job = deliveryJob(delivery);
    }

    assertThat(attempts)
        .as("retries before the incident (R5 in the engine configuration)")
        .isEqualTo(5);
    Incident incident =
        runtime.createIncidentQuery().processInstanceId(delivery.getId()).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getActivityId()).isEqualTo(NoticeDelivery.Elements.DELIVER_NOTICE);
    assertThat(incident.getIncidentMessage()).containsIgnoringCase("mail");
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count())
        .as("the case itself has no incident")
        .isZero();
    assertThat(job.getDuedate())
        .as("each retry waits for the retry cycle")
        .isAfter(ClockUtil.getCurrentTime());
    assertThat(outbox.status(noticeIdFor(instance, "ben@example.org")))
        .contains(NoticeOutbox.Status.PENDING);

    mail.start();
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());

    assertThat(mail.getReceivedMessages()).hasSize(1);
    assertThat(mail.getReceivedMessages()[0].getSubject()).isEqualTo("Test notice about Ben Test");
    assertThat(runtime.createIncidentQuery().processInstanceId(delivery.getId()).count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(delivery.getId()).count())
        .as("delivered")
        .isZero();
    assertThat(outbox.status(noticeIdFor(instance, "ben@example.org")))
        .contains(NoticeOutbox.Status.SENT);
  }

  @Test
  void
      a_notice_whose_template_cannot_be_filled_fails_its_own_step_since_a_retried_delivery_could_not_mend_it() {
    ProcessInstance instance =
        runtime.startProcessInstanceByKey(
            SmokeModel.KEY, "smoke-no-name", Map.of("parentEmail", "dan@example.org"));
    String jobId = noticeJob(instance).getId();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> management.executeJob(jobId))
        .hasMessageContaining("childName");
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(NoticeDelivery.KEY)
                .processInstanceBusinessKey("smoke-no-name")
                .count())
        .isZero();
    assertThat(
            runtime
                .createExecutionQuery()
                .processInstanceId(instance.getId())
                .activityId(SmokeModel.REVIEW_TASK)
                .count())
        .isZero();
  }

  @Test
  void a_notice_already_sent_is_not_sent_again_when_its_step_runs_twice() {
    ProcessInstance instance = startCase("cara@example.org", "Cara Test");
    String noticeId = noticeIdFor(instance, "cara@example.org");
    NotificationService service = notificationService;

    boolean first =
        service.send(
            noticeId,
            instance.getId(),
            "smoke-3",
            "test-notice",
            "cara@example.org",
            Map.of("childName", "Cara Test")::get);
    boolean second =
        service.send(
            noticeId,
            instance.getId(),
            "smoke-3",
            "test-notice",
            "cara@example.org",
            Map.of("childName", "Cara Test")::get);

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(mail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void
      a_notice_on_a_kept_connection_the_mail_server_closed_goes_on_a_new_one_and_counts_as_a_second_attempt()
          throws Exception {
    ProcessInstance before = startCase("dev@example.org", "Dev Test");
    management.executeJob(noticeJob(before).getId());
    assertThat(outbox.status(noticeIdFor(before, "dev@example.org")))
        .as("sent, its connection kept")
        .contains(NoticeOutbox.Status.SENT);
    mail.stop();
    mail.start();

    ProcessInstance after = startCase("eve@example.org", "Eve Test");
    management.executeJob(noticeJob(after).getId());

    assertThat(mail.getReceivedMessages())
        .singleElement()
        .satisfies(
            received -> assertThat(received.getSubject()).isEqualTo("Test notice about Eve Test"));
    String noticeId = noticeIdFor(after, "eve@example.org");
    assertThat(outbox.status(noticeId)).contains(NoticeOutbox.Status.SENT);
    assertThat(attempts(noticeId))
        .as("the send on the closed connection, then the one on a new connection")
        .isEqualTo(2);
    assertThat(
            runtime.createProcessInstanceQuery().processDefinitionKey(NoticeDelivery.KEY).count())
        .as("no notice handed to retried delivery")
        .isZero();
  }

  @Autowired NotificationService notificationService;
  @Autowired JdbcTemplate jdbc;

  private int attempts(String noticeId) {
    return jdbc.queryForObject(
        "SELECT attempts FROM ehc_notice WHERE notice_id = ?", Integer.class, noticeId);
  }

  private ProcessInstance startCase(String parentEmail, String childName) {
    return runtime.startProcessInstanceByKey(
        SmokeModel.KEY,
        "smoke-" + childName.replace(' ', '-'),
        Map.of("parentEmail", parentEmail, "childName", childName));
  }

  private Job noticeJob(ProcessInstance instance) {
    return management
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(SmokeModel.NOTICE_STEP)
        .singleResult();
  }

  private Job deliveryJob(ProcessInstance delivery) {
    return management.createJobQuery().processInstanceId(delivery.getId()).singleResult();
  }

  private static String noticeIdFor(ProcessInstance instance, String recipient) {
    return instance.getId() + "/" + SmokeModel.NOTICE_STEP + "/" + recipient;
  }
}
