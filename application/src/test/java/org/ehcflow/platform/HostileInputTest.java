package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.assessment.CaseEventProcess;
import org.ehcflow.phasetransfer.PhaseTransferProcess;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.section23.Section23Process;
import org.ehcflow.statutory.StatutoryClock;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.Jobs;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.Pathways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wrong, missing, oversized, malicious and misspelt values sent to every start, over REST as
 * integrators and Tasklist's start forms send them, and broken files sent to the plan import. Each
 * is refused with HTTP 400 and a message naming the value, no stack trace reaches the caller, and
 * nothing is left behind: no case, no history, no notice.
 */
@EhcIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

  static final Pattern STACK_TRACE =
      Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|Caused by:|\\.java:\\d+");
  static final String TODAY = "2026-03-10T11:00";
  static final String CASE_KEY = "EHCNA-HOSTILE-CASE";

  /** Refused inputs counted by kind, for the report. */
  static final Map<String, AtomicInteger> REFUSED = new ConcurrentHashMap<>();

  @RegisterExtension
  static GreenMailExtension mail = TestMail.server().withPerMethodLifecycle(false);

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  /**
   * A pathway's start: who may start it, a valid start, and what kind of value each variable is.
   */
  record Pathway(
      String key,
      String user,
      Map<String, Object> valid,
      Set<String> required,
      Set<String> dates,
      Map<String, Integer> texts,
      Set<String> booleans,
      Set<String> integers) {}

  static final List<Pathway> PATHWAYS =
      List.of(
          new Pathway(
              AssessmentProcess.KEY,
              "caseworker",
              map(
                  "childId",
                  "H-1",
                  "childName",
                  "Sam Jones",
                  "dateOfBirth",
                  "2016-03-14",
                  "requestReceivedDate",
                  "2026-03-09",
                  "requester",
                  "parent",
                  "parentEmail",
                  "parent@example.org",
                  "yearGroup",
                  4,
                  "knownToSocialCare",
                  false),
              Set.of(
                  "childId",
                  "childName",
                  "dateOfBirth",
                  "requestReceivedDate",
                  "requester",
                  "parentEmail"),
              Set.of("dateOfBirth", "requestReceivedDate"),
              Map.of("childId", 64, "childName", 200),
              Set.of("knownToSocialCare"),
              Set.of("yearGroup")),
          new Pathway(
              AnnualReviewProcess.KEY,
              "caseworker",
              map(
                  "childId",
                  "H-2",
                  "childName",
                  "Ayesha Khan",
                  "dateOfBirth",
                  "2014-02-03",
                  "parentEmail",
                  "parent@example.org",
                  "planIssuedDate",
                  "2025-06-01",
                  "namedSetting",
                  "Hillside Primary",
                  "yearGroup",
                  6),
              Set.of("childId", "childName", "dateOfBirth", "parentEmail", "planIssuedDate"),
              Set.of("dateOfBirth", "planIssuedDate"),
              Map.of("childId", 64, "childName", 200, "namedSetting", 200),
              Set.of(),
              Set.of("yearGroup")),
          new Pathway(
              PhaseTransferProcess.KEY,
              "caseworker",
              map(
                  "childId",
                  "H-3",
                  "childName",
                  "Kofi Osei",
                  "dateOfBirth",
                  "2014-04-12",
                  "parentEmail",
                  "parent@example.org",
                  "transferType",
                  "primary-to-secondary",
                  "transferDate",
                  "2026-09-01",
                  "namedSetting",
                  "Brook Primary"),
              Set.of(
                  "childId",
                  "childName",
                  "dateOfBirth",
                  "parentEmail",
                  "transferType",
                  "transferDate"),
              Set.of("dateOfBirth", "transferDate"),
              Map.of("childId", 64, "childName", 200, "namedSetting", 200),
              Set.of(),
              Set.of()),
          new Pathway(
              Section23Process.KEY,
              "health",
              map(
                  "childName",
                  "Baby Lee",
                  "dateOfBirth",
                  "2024-06-15",
                  "nhsNumber",
                  "9434765919",
                  "notificationDate",
                  "2026-03-10",
                  "notifyingBody",
                  "Royal Hospital NHS Trust",
                  "notifierEmail",
                  "paeds@nhs.example",
                  "concern",
                  "Little speech",
                  "parentInformedDate",
                  "2026-03-09",
                  "parentOfferedDiscussion",
                  true,
                  "voluntaryOrganisationsInfoGiven",
                  false),
              Set.of(
                  "childName",
                  "dateOfBirth",
                  "nhsNumber",
                  "notificationDate",
                  "notifyingBody",
                  "notifierEmail",
                  "concern",
                  "parentInformedDate",
                  "parentOfferedDiscussion",
                  "voluntaryOrganisationsInfoGiven"),
              Set.of("dateOfBirth", "notificationDate", "parentInformedDate"),
              Map.of("childName", 200, "notifyingBody", 200, "concern", 5_000),
              Set.of("parentOfferedDiscussion", "voluntaryOrganisationsInfoGiven"),
              Set.of()),
          new Pathway(
              CaseEventProcess.KEY,
              "caseworker",
              map(
                  "caseBusinessKey",
                  CASE_KEY,
                  "caseEvent",
                  "exception-recorded",
                  "exceptionGround",
                  "school-closure",
                  "exceptionNote",
                  "Closed for a week"),
              Set.of("caseBusinessKey", "caseEvent", "exceptionGround"),
              Set.of(),
              Map.of("caseBusinessKey", 255, "exceptionNote", 5_000),
              Set.of(),
              Set.of()),
          new Pathway(
              Pathways.CEASE_PLAN,
              "caseworker",
              map(
                  "childId",
                  "H-6",
                  "childName",
                  "Tobi Obi",
                  "dateOfBirth",
                  "2012-05-10",
                  "parentEmail",
                  "parent@example.org",
                  "ceaseReason",
                  "2",
                  "ceaseProposedDate",
                  "2026-03-09",
                  "inEducationOrTraining",
                  true,
                  "ceaseProposalReason",
                  "Needs met at SEN support"),
              Set.of(
                  "childId",
                  "childName",
                  "dateOfBirth",
                  "parentEmail",
                  "ceaseReason",
                  "ceaseProposedDate",
                  "inEducationOrTraining"),
              Set.of("dateOfBirth", "ceaseProposedDate"),
              Map.of("childId", 64, "childName", 200, "ceaseProposalReason", 10_000),
              Set.of("inEducationOrTraining"),
              Set.of()),
          new Pathway(
              Pathways.AMEND_PLAN,
              "caseworker",
              map(
                  "childId",
                  "H-7",
                  "childName",
                  "Tobi Obi",
                  "dateOfBirth",
                  "2012-05-10",
                  "parentEmail",
                  "parent@example.org",
                  "amendmentTrigger",
                  "change-of-circumstances",
                  "amendmentNoticeDate",
                  "2026-03-09",
                  "proposedAmendments",
                  "Section F: add speech and language therapy",
                  "amendmentProposalReason",
                  "New advice from the speech and language therapist"),
              Set.of(
                  "childId",
                  "childName",
                  "dateOfBirth",
                  "parentEmail",
                  "amendmentTrigger",
                  "amendmentProposalReason",
                  "proposedAmendments"),
              Set.of("dateOfBirth", "amendmentNoticeDate"),
              Map.of(
                  "childId",
                  64,
                  "childName",
                  200,
                  "proposedAmendments",
                  20_000,
                  "amendmentProposalReason",
                  10_000),
              Set.of(),
              Set.of()),
          new Pathway(
              Pathways.REASSESSMENT,
              "caseworker",
              map(
                  "childId",
                  "H-8",
                  "childName",
                  "Ada Okafor",
                  "dateOfBirth",
                  "2015-06-01",
                  "parentEmail",
                  "parent@example.org",
                  "requestReceivedDate",
                  "2026-03-09",
                  "reassessmentRequestedBy",
                  "parent",
                  "reassessmentRequestReason",
                  "A new diagnosis",
                  "needsChangedSinceAssessment",
                  true,
                  "lastAssessedDate",
                  "2025-01-10"),
              Set.of(
                  "childId",
                  "childName",
                  "dateOfBirth",
                  "parentEmail",
                  "requestReceivedDate",
                  "reassessmentRequestedBy",
                  "reassessmentRequestReason",
                  "needsChangedSinceAssessment"),
              Set.of("dateOfBirth", "requestReceivedDate", "lastAssessedDate"),
              Map.of("childId", 64, "childName", 200, "reassessmentRequestReason", 10_000),
              Set.of("needsChangedSinceAssessment"),
              Set.of()));

  /**
   * One hostile start: its kind, the variable it is about (the message must name it) and the
   * variables sent.
   */
  record Attempt(
      String kind,
      String pathway,
      String user,
      String field,
      Map<String, Object> variables,
      boolean asForm) {
    @Override
    public String toString() {
      return pathway + " " + kind + " " + field + (asForm ? " (start form)" : "");
    }
  }

  static Stream<Arguments> hostileStarts() {
    List<Attempt> attempts = new ArrayList<>();
    for (Pathway p : PATHWAYS) {
      Consumer<Object[]> add =
          a ->
              attempts.add(
                  new Attempt(
                      (String) a[0],
                      p.key(),
                      p.user(),
                      (String) a[1],
                      with(p.valid(), (String) a[1], a[2]),
                      false));
      for (String field : p.required()) {
        add.accept(new Object[] {"missing field", field, null});
        add.accept(new Object[] {"blank field", field, "   "});
      }
      for (String field : p.texts().keySet()) {
        add.accept(new Object[] {"wrong type", field, 12345});
        add.accept(new Object[] {"wrong type", field, List.of("a", "b")});
        add.accept(new Object[] {"oversize text", field, "x".repeat(p.texts().get(field) + 1)});
        add.accept(new Object[] {"oversize text", field, "y".repeat(1_000_000)});
        add.accept(new Object[] {"control characters", field, "Sam\u0000Jones"});
        if (Set.of("childId", "childName", "caseBusinessKey").contains(field)) {
          add.accept(new Object[] {"control characters", field, "Sam\r\nBcc: victim@example.org"});
        }
      }
      for (String field : p.dates()) {
        add.accept(new Object[] {"wrong type", field, 20260101});
        add.accept(new Object[] {"wrong type", field, true});
        for (String impossible :
            List.of("2026-02-30", "2026-13-01", "14/03/2016", "yesterday", "2026-3-1")) {
          add.accept(new Object[] {"impossible date", field, impossible});
        }
        for (String farFuture : List.of("9999-12-31", "+10000-01-01", "2300-01-01")) {
          add.accept(new Object[] {"far-future date", field, farFuture});
        }
        for (String farPast : List.of("0001-01-01", "1850-06-30", "-0500-01-01")) {
          add.accept(new Object[] {"far-past date", field, farPast});
        }
      }
      if (p.dates().contains("dateOfBirth")) {
        add.accept(new Object[] {"impossible age", "dateOfBirth", "1950-01-01"});
        add.accept(new Object[] {"far-future date", "dateOfBirth", "2027-01-01"});
      }
      for (String field : p.booleans()) {
        add.accept(new Object[] {"wrong type", field, "yes"});
        add.accept(new Object[] {"wrong type", field, 1});
      }
      for (String field : p.integers()) {
        add.accept(new Object[] {"wrong type", field, "four"});
        add.accept(new Object[] {"wrong type", field, 4.5});
        add.accept(new Object[] {"out of range", field, 99});
      }
      for (String misspelt : List.of("requestRecievedDate", "childname", "isAdmin", "reviewDue")) {
        if (!p.valid().containsKey(misspelt)) {
          add.accept(new Object[] {"unknown variable", misspelt, "2026-01-01"});
        }
      }
      // Tasklist's start form posts to submit-form, which runs the same start and must refuse the
      // same way.
      String firstRequired = p.required().stream().sorted().findFirst().orElseThrow();
      attempts.add(
          new Attempt(
              "missing field",
              p.key(),
              p.user(),
              firstRequired,
              with(p.valid(), firstRequired, null),
              true));
      attempts.add(
          new Attempt(
              "unknown variable",
              p.key(),
              p.user(),
              "requestRecievedDate",
              with(p.valid(), "requestRecievedDate", "2026-01-01"),
              true));
      attempts.add(
          new Attempt(
              "oversize text",
              p.key(),
              p.user(),
              p.texts().keySet().iterator().next(),
              with(p.valid(), p.texts().keySet().iterator().next(), "z".repeat(100_000)),
              true));
    }
    return attempts.stream().map(Arguments::of);
  }

  @BeforeAll
  void anAssessmentIsRunningForCaseEvents() {
    // A failed log-in by another test at the real time would lock the user while this test's clock
    // stands earlier.
    List.of("caseworker", "health", "manager", "admin")
        .forEach(engine.getIdentityService()::unlockUser);
    today();
    Map<String, Object> request = new LinkedHashMap<>(PATHWAYS.get(0).valid());
    request.put("childId", "H-CASE");
    ProcessInstance running =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(AssessmentProcess.KEY, CASE_KEY, request);
    Jobs.executeAll(engine.getManagementService(), running.getId());
    ClockUtil.reset();
  }

  @BeforeEach
  void today() {
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse(TODAY).atZone(StatutoryClock.ZONE).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @AfterAll
  void report() {
    Map<String, Integer> byKind = new TreeMap<>();
    REFUSED.forEach((kind, count) -> byKind.put(kind, count.get()));
    System.out.println(
        "Hostile input refused, by kind: "
            + byKind
            + "; total "
            + byKind.values().stream().mapToInt(Integer::intValue).sum());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileStarts")
  void a_hostile_start_is_refused_with_400_naming_the_value_and_leaves_nothing_behind(
      Attempt attempt) {
    Footprint before = footprint();
    Map<String, Object> variables = new LinkedHashMap<>();
    attempt.variables().forEach((name, value) -> variables.put(name, typed(value)));
    String businessKey = "HOSTILE-" + System.nanoTime();
    String path =
        "/engine-rest/process-definition/key/"
            + attempt.pathway()
            + (attempt.asForm() ? "/submit-form" : "/start");

    ResponseEntity<String> answer =
        post(attempt.user(), path, Map.of("businessKey", businessKey, "variables", variables));

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(message(answer)).contains(attempt.field()).hasSizeLessThan(2_000);
    assertNoStackTrace(answer);
    assertThat(footprint()).as("nothing is kept").isEqualTo(before);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .count())
        .isZero();
    REFUSED.computeIfAbsent(attempt.kind(), k -> new AtomicInteger()).incrementAndGet();
  }

  @Test
  void a_body_that_is_not_json_or_carries_a_java_object_is_refused_without_a_trace() {
    Footprint before = footprint();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String start = "/engine-rest/process-definition/key/" + AssessmentProcess.KEY + "/start";
    List<ResponseEntity<String>> answers = new ArrayList<>();
    answers.add(
        http.withBasicAuth("caseworker", "demo")
            .exchange(
                start,
                HttpMethod.POST,
                new HttpEntity<>("{\"variables\": {\"childId\": {\"value\": ", headers),
                String.class));
    answers.add(
        http.withBasicAuth("caseworker", "demo")
            .exchange(
                start, HttpMethod.POST, new HttpEntity<>("[1, 2, 3]", headers), String.class));
    Map<String, Object> variables = new LinkedHashMap<>();
    PATHWAYS.get(0).valid().forEach((name, value) -> variables.put(name, typed(value)));
    variables.put(
        "childName",
        Map.of(
            "value",
            "rO0ABXQABGV2aWw=",
            "type",
            "Object",
            "valueInfo",
            Map.of(
                "objectTypeName",
                "java.lang.String",
                "serializationDataFormat",
                "application/x-java-serialized-object")));
    answers.add(
        post("caseworker", start, Map.of("businessKey", "HOSTILE-JAVA", "variables", variables)));
    variables.put("childName", Map.of("value", "2026-01-01", "type", "NoSuchType"));
    answers.add(
        post("caseworker", start, Map.of("businessKey", "HOSTILE-TYPE", "variables", variables)));

    for (ResponseEntity<String> answer : answers) {
      assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
      assertNoStackTrace(answer);
      REFUSED.computeIfAbsent("malformed request", k -> new AtomicInteger()).incrementAndGet();
    }
    assertThat(message(answers.get(2))).contains("childName");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void
      html_and_script_in_text_are_kept_as_typed_sent_as_plain_text_and_escaped_in_the_printable_chronology()
          throws Exception {
    String name = "<script>alert('name')</script> O'Brien & \"Sons\"";
    String note = "<img src=x onerror=alert(1)> closed";
    Map<String, Object> variables = new LinkedHashMap<>();
    PATHWAYS.get(0).valid().forEach((n, value) -> variables.put(n, typed(value)));
    variables.put("childId", typed("H-HTML"));
    variables.put("childName", typed(name));
    ResponseEntity<String> started =
        post(
            "caseworker",
            "/engine-rest/process-definition/key/" + AssessmentProcess.KEY + "/start",
            Map.of("businessKey", "EHCNA-H-HTML", "variables", variables));
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
    String id = new ObjectMapper().readTree(started.getBody()).get("id").asText();
    Jobs.executeAll(engine.getManagementService(), id);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("caseBusinessKey", typed("EHCNA-H-HTML"));
    event.put("caseEvent", typed("exception-recorded"));
    event.put("exceptionGround", typed("school-closure"));
    event.put("exceptionNote", typed(note));
    assertThat(
            post(
                    "caseworker",
                    "/engine-rest/process-definition/key/" + CaseEventProcess.KEY + "/start",
                    Map.of("variables", event))
                .getStatusCode()
                .value())
        .isEqualTo(200);
    Jobs.executeAll(engine.getManagementService(), id);

    assertThat(engine.getRuntimeService().getVariable(id, "childName"))
        .as("stored as typed")
        .isEqualTo(name);
    MimeMessage toParent =
        List.of(mail.getReceivedMessages()).stream()
            .filter(m -> TestMail.text(m).contains("alert('name')"))
            .findFirst()
            .orElseThrow();
    assertThat(TestMail.html(toParent))
        .as("the HTML letter shows the name as text, never as markup")
        .doesNotContain("<script")
        .contains("&lt;script&gt;");

    ResponseEntity<String> page =
        http.withBasicAuth("manager", "demo")
            .getForEntity("/api/cases/H-HTML/chronology.html", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody())
        .contains("&lt;img src=x onerror=alert(1)&gt; closed")
        .doesNotContain("<img src=x")
        .doesNotContain("<script>alert");
    ResponseEntity<String> json =
        http.withBasicAuth("manager", "demo")
            .getForEntity("/api/cases/H-HTML/chronology", String.class);
    assertThat(json.getHeaders().getContentType().toString()).startsWith("application/json");
  }

  // --- The plan import -------------------------------------------------------------------------

  static final String HEADER =
      "child_id,child_name,date_of_birth,parent_email,plan_issued_date,last_review_decision_date,"
          + "year_group,setting,phase\n";

  @Test
  void a_file_in_another_encoding_is_refused_as_a_whole_and_nothing_starts() {
    String file =
        HEADER
            + "H-ENC-1,Zoë Brontë,2015-03-14,zoe@example.org,2026-01-20,,6,Oakfield Primary,primary\n";
    Footprint before = footprint();

    for (byte[] bytes :
        List.of(
            file.getBytes(StandardCharsets.UTF_16),
            file.getBytes(StandardCharsets.UTF_16LE),
            file.getBytes(StandardCharsets.ISO_8859_1),
            new byte[] {(byte) 0xC3, (byte) 0x28, 0x0A})) {
      ResponseEntity<String> answer = importFile(bytes);
      assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
      assertThat(message(answer)).contains("not valid UTF-8");
      assertNoStackTrace(answer);
      REFUSED.computeIfAbsent("import: wrong encoding", k -> new AtomicInteger()).incrementAndGet();
    }
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void a_file_missing_columns_is_refused_naming_them_and_nothing_starts() {
    Footprint before = footprint();
    ResponseEntity<String> answer =
        importFile(
            ("child_id,child_name,date_of_birth,parent_email\n"
                    + "H-COL-1,Amira Khan,2015-03-14,amira@example.org\n")
                .getBytes(StandardCharsets.UTF_8));

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(message(answer))
        .contains(
            "missing columns plan_issued_date, last_review_decision_date, year_group, setting, phase");
    assertNoStackTrace(answer);
    assertThat(footprint()).isEqualTo(before);
    REFUSED.computeIfAbsent("import: missing columns", k -> new AtomicInteger()).incrementAndGet();
  }

  @Test
  void ten_thousand_bad_rows_are_each_refused_in_a_report_of_bounded_size_and_nothing_is_imported()
      throws Exception {
    StringBuilder file = new StringBuilder(HEADER);
    String[] faults = {
      "H-BAD-%d,,2015-03-14,parent@example.org,2026-01-20,,6,,", // no name
      "H-BAD-%d,Bad Date,2015-02-30,parent@example.org,2026-01-20,,6,,", // impossible date
      "H-BAD-%d,Far Future,2015-03-14,parent@example.org,9999-01-20,,6,,", // far-future plan date
      "H-BAD-%d,<script>x</script>,2015-03-14,not-an-address,2026-01-20,,6,,", // bad address
      "H-BAD-%d,No Dates,2015-03-14,parent@example.org,,,6,,", // no plan or review date
      "H-BAD-%d,Year Group,2015-03-14,parent@example.org,2026-01-20,,six,,", // not a number
      "H-BAD-%d,Too Few,2015-03-14", // short row
      "H-BAD-%d,Old,1890-01-01,parent@example.org,2026-01-20,,6,,"
    }; // implausible date of birth
    for (int row = 0; row < 10_000; row++) {
      file.append(String.format(faults[row % faults.length], row)).append('\n');
    }
    Footprint before = footprint();

    ResponseEntity<String> answer = importFile(file.toString().getBytes(StandardCharsets.UTF_8));

    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    Map<String, Object> report =
        new ObjectMapper()
            .readValue(answer.getBody(), new com.fasterxml.jackson.core.type.TypeReference<>() {});
    assertThat(report)
        .containsEntry("rowsRead", 10_000)
        .containsEntry("started", 0)
        .containsEntry("refused", 10_000)
        .containsEntry("problemsNotListed", 9_000);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> problems = (List<Map<String, Object>>) report.get("problems");
    assertThat(problems).hasSize(1_000);
    assertThat(problems.get(0)).containsEntry("line", 2).containsEntry("childId", "H-BAD-0");
    assertThat((String) problems.get(0).get("reason")).contains("childName: is required");
    assertThat((String) problems.get(2).get("reason")).contains("planIssuedDate");
    assertThat(answer.getBody().length()).as("a bounded answer").isLessThan(400_000);
    assertNoStackTrace(answer);
    assertThat(footprint()).as("nothing imported").isEqualTo(before);
    REFUSED.computeIfAbsent("import: bad rows", k -> new AtomicInteger()).addAndGet(10_000);
  }

  // --- Log-in throttling -----------------------------------------------------------------------

  @Test
  void repeated_failed_logins_lock_the_account_until_an_administrator_unlocks_it() {
    var identity = engine.getIdentityService();
    var user = identity.newUser("throttle-probe");
    user.setPassword("Right-Password-1");
    identity.saveUser(user);
    identity.createMembership("throttle-probe", "la-caseworker");
    Date now = new Date();
    try {
      for (int attempt = 1; attempt <= 10; attempt++) {
        // Each try after the throttling delay, so every one is checked against the password.
        now = new Date(now.getTime() + 70_000);
        ClockUtil.setCurrentTime(now);
        assertThat(
                http.withBasicAuth("throttle-probe", "guess-" + attempt)
                    .getForEntity("/engine-rest/task", String.class)
                    .getStatusCode()
                    .value())
            .isEqualTo(401);
        REFUSED
            .computeIfAbsent("login: wrong password", k -> new AtomicInteger())
            .incrementAndGet();
      }
      ClockUtil.setCurrentTime(new Date(now.getTime() + 3_600_000));
      assertThat(
              http.withBasicAuth("throttle-probe", "Right-Password-1")
                  .getForEntity("/engine-rest/task", String.class)
                  .getStatusCode()
                  .value())
          .as("locked after 10 failures, even an hour later with the right password")
          .isEqualTo(401);

      assertThat(
              http.withBasicAuth("caseworker", "demo")
                  .postForEntity("/engine-rest/user/throttle-probe/unlock", null, String.class)
                  .getStatusCode()
                  .value())
          .as("a caseworker cannot unlock")
          .isEqualTo(403);
      assertThat(
              http.withBasicAuth("admin", "demo")
                  .postForEntity("/engine-rest/user/throttle-probe/unlock", null, String.class)
                  .getStatusCode()
                  .value())
          .isEqualTo(204);
      assertThat(
              http.withBasicAuth("throttle-probe", "Right-Password-1")
                  .getForEntity("/engine-rest/task", String.class)
                  .getStatusCode()
                  .value())
          .isEqualTo(200);
    } finally {
      ClockUtil.reset();
      identity.deleteUser("throttle-probe");
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** What a start or an import could leave behind. */
  record Footprint(
      long running, long history, long historicVariables, long notices, long reviews) {}

  private Footprint footprint() {
    var history = engine.getHistoryService();
    return new Footprint(
        engine.getRuntimeService().createProcessInstanceQuery().count(),
        history.createHistoricProcessInstanceQuery().count(),
        history.createHistoricVariableInstanceQuery().count(),
        jdbc.queryForObject("select count(*) from ehc_notice", Long.class),
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(AnnualReviewProcess.KEY)
            .count());
  }

  private ResponseEntity<String> importFile(byte[] bytes) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return http.withBasicAuth("caseworker", "demo")
        .exchange(
            "/api/plans/import", HttpMethod.POST, new HttpEntity<>(bytes, headers), String.class);
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo")
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  private static String message(ResponseEntity<String> answer) {
    try {
      return new ObjectMapper().readTree(answer.getBody()).path("message").asText();
    } catch (Exception e) {
      throw new AssertionError("not a JSON answer: " + answer.getBody(), e);
    }
  }

  static void assertNoStackTrace(ResponseEntity<String> answer) {
    assertThat(answer.getBody()).isNotNull();
    assertThat(STACK_TRACE.matcher(answer.getBody()).find())
        .as("a stack trace in " + answer.getBody())
        .isFalse();
  }

  private static Map<String, Object> typed(Object value) {
    Map<String, Object> variable = new LinkedHashMap<>();
    variable.put("value", value);
    return variable;
  }

  private static Map<String, Object> with(Map<String, Object> valid, String field, Object value) {
    Map<String, Object> variables = new LinkedHashMap<>(valid);
    if (value == null) {
      variables.remove(field);
    } else {
      variables.put(field, value);
    }
    return variables;
  }

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
