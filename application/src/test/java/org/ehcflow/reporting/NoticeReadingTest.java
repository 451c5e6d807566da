package org.ehcflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.notification.NoticeDelivery;
import org.ehcflow.notification.NotificationService;
import org.ehcflow.support.AssessmentCase;
import org.ehcflow.support.Cases;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.NoticeDeliveryVariables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * A caseworker or manager reads every notice of a child's cases, sent or waiting, in its own words.
 */
@EhcIntegrationTest
class NoticeReadingTest {

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void
      the_chronology_json_and_page_show_a_notice_sent_by_email_beside_one_waiting_with_its_attempts_and_last_error()
          throws Exception {
    AssessmentCase assessment =
        Cases.assessment(engine, mail).on("2026-02-02T09:30").with(request("READ-1")).requested();
    mail.stop();
    try {
      assessment.atAdviceRequests();
      ProcessInstance delivery =
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processDefinitionKey(NoticeDelivery.KEY)
              .processInstanceBusinessKey("EHCNA-READ-1")
              .variableValueEquals(NoticeDeliveryVariables.NOTICE_TYPE.name(), "decision-to-assess")
              .singleResult();
      assertThat(delivery)
          .as("the parent's decision letter handed to its retried delivery")
          .isNotNull();
      Job retry =
          engine
              .getManagementService()
              .createJobQuery()
              .processInstanceId(delivery.getId())
              .singleResult();
      assertThatThrownBy(() -> engine.getManagementService().executeJob(retry.getId()))
          .as("the relay is still down on the first retry");
      String waitingId =
          (String)
              engine
                  .getRuntimeService()
                  .getVariable(delivery.getId(), NoticeDeliveryVariables.NOTICE_ID.name());

      List<CaseNotice> notices = notices("manager", "READ-1").getBody();
      CaseNotice waiting =
          notices.stream().filter(n -> n.noticeId().equals(waitingId)).findFirst().orElseThrow();
      assertThat(waiting.status()).isEqualTo("waiting");
      assertThat(waiting.channel()).isNull();
      // The step's send and the retry's; a connection kept from the sends before the outage adds
      // one
      // more attempt each time, on a new connection, when the relay has dropped it.
      assertThat(waiting.attempts()).isBetween(2, 4);
      assertThat(waiting.lastError()).startsWith("Mail server connection failed");
      assertThat(waiting.sentAt()).isNull();
      String waitingDelivery =
          "waiting to be sent: "
              + waiting.attempts()
              + " attempts, last error: "
              + waiting.lastError();

      List<ChronologyEntry> chronology =
          http.withBasicAuth("caseworker", "demo")
              .exchange(
                  "/api/cases/READ-1/chronology",
                  HttpMethod.GET,
                  null,
                  new ParameterizedTypeReference<List<ChronologyEntry>>() {})
              .getBody();

      assertThat(chronology)
          .filteredOn(entry -> waitingId.equals(entry.noticeId()))
          .singleElement()
          .satisfies(
              entry -> {
                assertThat(entry.kind()).isEqualTo("notice");
                assertThat(entry.event())
                    .isEqualTo(
                        "Notice waiting to be sent: We will carry out an EHC needs assessment for Child READ-1");
                assertThat(entry.detail()).isEqualTo("to parent.read-1@example.org");
                assertThat(entry.delivery()).isEqualTo(waitingDelivery);
              });
      assertThat(chronology)
          .filteredOn(
              entry -> "notice".equals(entry.kind()) && entry.event().startsWith("Notice sent: "))
          .as("the request's notices, sent while the relay was up")
          .isNotEmpty()
          .allSatisfy(
              entry -> {
                assertThat(entry.delivery()).isEqualTo("sent by email");
                assertThat(entry.noticeId()).startsWith(assessment.id() + "/");
              })
          .anySatisfy(
              entry -> assertThat(entry.detail()).isEqualTo("to parent.read-1@example.org"));

      String page =
          http.withBasicAuth("manager", "demo")
              .getForObject("/api/cases/READ-1/chronology.html", String.class);
      assertThat(page)
          .contains("Notice waiting to be sent: " + HtmlUtils.htmlEscape(waiting.subject()))
          .contains(HtmlUtils.htmlEscape(waitingDelivery))
          .contains("sent by email")
          .contains("The notices in full")
          .contains(HtmlUtils.htmlEscape(waiting.body()));
      notices.forEach(
          notice ->
              assertThat(page).as(notice.noticeId()).contains(HtmlUtils.htmlEscape(notice.body())));
    } finally {
      mail.start();
      deliverWhatWaits("EHCNA-READ-1");
    }
  }

  /**
   * The relay is back: the waiting notices go, so the other tests of this shared application find
   * no delivery left over from this one.
   */
  private void deliverWhatWaits(String businessKey) {
    for (ProcessInstance delivery :
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(NoticeDelivery.KEY)
            .processInstanceBusinessKey(businessKey)
            .list()) {
      Job job =
          engine
              .getManagementService()
              .createJobQuery()
              .processInstanceId(delivery.getId())
              .singleResult();
      engine.getManagementService().setJobRetries(job.getId(), 1);
      engine.getManagementService().executeJob(job.getId());
    }
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(NoticeDelivery.KEY)
                .processInstanceBusinessKey(businessKey)
                .count())
        .isZero();
  }

  @Test
  void
      the_notices_endpoint_gives_a_caseworker_the_exact_text_the_mail_server_received_and_refuses_a_psychologist()
          throws Exception {
    TestCase assessment =
        new TestCase(engine, mail)
            .on("2026-02-09T10:15")
            .start(AssessmentProcess.KEY, "EHCNA-READ-2", request("READ-2"));
    MimeMessage received =
        Arrays.stream(mail.getReceivedMessages())
            .filter(message -> recipient(message).equals("parent.read-2@example.org"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no notice reached the parent"));
    String noticeId = received.getHeader(NotificationService.NOTICE_ID_HEADER, null);

    ResponseEntity<List<CaseNotice>> answer = notices("caseworker", "READ-2");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody()).hasSize(mail.getReceivedMessages().length);
    CaseNotice notice =
        answer.getBody().stream()
            .filter(n -> n.noticeId().equals(noticeId))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the notice " + noticeId + " is not listed"));
    // SMTP carries every line ending as CRLF, and the end-of-data marker takes the last one; the
    // letter's words and lines are otherwise the same, character for character.
    String receivedText = TestMail.text(received).replace("\r\n", "\n");
    assertThat(notice.body())
        .isEqualTo(receivedText.endsWith("\n") ? receivedText : receivedText + "\n");
    assertThat(notice.body()).contains("Child READ-2");
    assertThat(notice.subject()).isEqualTo(received.getSubject());
    assertThat(notice.from()).isEqualTo(received.getFrom()[0].toString());
    assertThat(notice.recipient()).isEqualTo("parent.read-2@example.org");
    assertThat(notice.noticeType()).isEqualTo("considering-assessment");
    assertThat(notice.pathway()).isEqualTo(AssessmentProcess.KEY);
    assertThat(notice.caseKey()).isEqualTo("EHCNA-READ-2");
    assertThat(notice.processInstanceId()).isEqualTo(assessment.id());
    assertThat(notice.status()).isEqualTo("sent");
    assertThat(notice.channel()).isEqualTo("email");
    assertThat(notice.delivery()).isEqualTo("sent by email");
    // One attempt, or two when the connection kept from an earlier test's mail server had closed
    // (ReusingMailSender tries once more on a new one, counted as its own attempt).
    assertThat(notice.attempts()).isBetween(1, 2);
    assertThat(notice.sentAt()).startsWith("2026-02-09T10:15");
    assertThat(notice.attachments()).isEmpty();

    assertThat(
            http.withBasicAuth("ep", "demo")
                .getForEntity("/api/cases/READ-2/notices", String.class)
                .getStatusCode())
        .as("a partner")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/cases/READ-2/notices", String.class).getStatusCode())
        .as("nobody logged in")
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(notices("manager", "READ-2").getBody()).isEqualTo(answer.getBody());
    assertThat(notices("caseworker", "NO-SUCH-CHILD").getBody())
        .as("as the chronology of an unknown child")
        .isEmpty();
  }

  private ResponseEntity<List<CaseNotice>> notices(String user, String childId) {
    return http.withBasicAuth(user, "demo")
        .exchange(
            "/api/cases/" + childId + "/notices",
            HttpMethod.GET,
            null,
            new ParameterizedTypeReference<List<CaseNotice>>() {});
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> request(String childId) {
    Map<String, Object> request = new HashMap<>();
    request.put("childId", childId);
    request.put("childName", "Child " + childId);
    request.put("dateOfBirth", "2016-03-14");
    request.put(
        "requestReceivedDate",
        ClockUtil.getCurrentTime()
            .toInstant()
            .atZone(org.ehcflow.statutory.StatutoryClock.ZONE)
            .toLocalDate()
            .toString());
    request.put("requester", "parent");
    request.put("parentEmail", "parent." + childId.toLowerCase() + "@example.org");
    return request;
  }
}
