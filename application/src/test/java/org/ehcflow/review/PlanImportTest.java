package org.ehcflow.review;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.Pathways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A council's existing plans imported from CSV, each starting its annual review cycle. */
@EhcIntegrationTest
class PlanImportTest {

  private static final String IMPORT = "/api/plans/import";
  private static final String HEADER =
      "child_id,child_name,date_of_birth,parent_email,plan_issued_date,last_review_decision_date,year_group,setting,phase\r\n";
  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;

  @BeforeEach
  void today() {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-11-23 10:00:00"));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Good and bad rows; the child ids start with the prefix, as the tests share one database. */
  private static String mixedFile(String p) {
    return HEADER
        + p
        + "1,Amira Khan,2015-03-14,amira.parent@example.org,2026-05-20,,6,Oakfield Primary,primary\r\n"
        + p
        + "2,Ben Lewis,2012-09-01,ben.parent@example.org,2025-03-01,2026-02-10,9,Riverside Academy,secondary\r\n"
        + p
        + "3,\"O'Brien, Sean\",2014-01-20,sean.parent@example.org,2026-01-15,,7,\"St Mary's \"\"Upper\"\" School\",secondary\r\n"
        + p
        + "4,Dan Evans,2013-02-30,dan.parent@example.org,2026-03-01,,8,Oakfield Primary,primary\r\n"
        + p
        + "5,,2014-05-05,parent5@example.org,2026-03-01,,7,Oakfield Primary,primary\r\n"
        + p
        + "6,Eve Green,2014-06-06,not-an-email,2026-03-01,,7,Oakfield Primary,primary\r\n"
        + p
        + "7,Finn Hall,2014-07-07,finn.parent@example.org,2026-03-01,,six,Oakfield Primary,primary\r\n"
        + p
        + "8,Gita Shah,2014-08-08,gita.parent@example.org,2026-03-01,,7,Oakfield Primary,college\r\n"
        + p
        + "9,Hal Ito,2014-09-09,hal.parent@example.org,2026-12-01,,7,Oakfield Primary,primary\r\n"
        + p
        + "1,Amira Khan,2015-03-14,amira.parent@example.org,2026-06-01,,6,Oakfield Primary,primary\r\n"
        + p
        + "10,Zoë Taylor,2010-10-10,zoe.parent@example.org,2026-04-01,,11,\"Brook Special School\r\n(hospital site)\",special\r\n"
        + p
        + "11,Ivy Jones,2016-11-11,ivy.parent@example.org,,2026-07-31,,,\r\n";
  }

  @Test
  void good_rows_start_their_review_cycle_and_each_bad_row_is_reported_with_its_line_and_field() {
    Map<String, Object> report = importCsv(mixedFile("IMP-A-"));

    assertThat(report)
        .containsEntry("rowsRead", 12)
        .containsEntry("started", 5)
        .containsEntry("duplicates", 1)
        .containsEntry("refused", 6);
    List<Map<String, Object>> problems = problems(report);
    assertThat(problems)
        .extracting(p -> p.get("line"), p -> p.get("childId"))
        .containsExactly(
            tuple(5, "IMP-A-4"),
            tuple(6, "IMP-A-5"),
            tuple(7, "IMP-A-6"),
            tuple(8, "IMP-A-7"),
            tuple(9, "IMP-A-8"),
            tuple(10, "IMP-A-9"),
            tuple(11, "IMP-A-1"));
    assertThat(reasons(problems))
        .satisfiesExactly(
            r ->
                assertThat(r)
                    .contains("dateOfBirth: '2013-02-30' is not a date written yyyy-MM-dd"),
            r -> assertThat(r).contains("childName: is required"),
            r -> assertThat(r).contains("parentEmail: 'not-an-email' is not a valid email address"),
            r -> assertThat(r).isEqualTo("yearGroup: 'six' is not a whole number"),
            r -> assertThat(r).contains("settingPhase: must be one of").contains("not 'college'"),
            r -> assertThat(r).contains("planIssuedDate: must not be in the future"),
            r -> assertThat(r).isEqualTo("duplicate: IMP-A-1 already has a review cycle"));

    assertThat(review("AR-IMP-A-1-2026-05-20"))
        .containsEntry("reviewDue", "2027-05-19")
        .containsEntry("childName", "Amira Khan")
        .containsEntry("yearGroup", 6)
        .containsEntry("namedSetting", "Oakfield Primary")
        .containsEntry("settingPhase", "primary");
    assertThat(review("AR-IMP-A-2-2026-02-10")).containsEntry("reviewDue", "2027-02-09");
    assertThat(review("AR-IMP-A-3-2026-01-15"))
        .containsEntry("childName", "O'Brien, Sean")
        .containsEntry("namedSetting", "St Mary's \"Upper\" School")
        .containsEntry("reviewDue", "2027-01-14");
    assertThat(review("AR-IMP-A-10-2026-04-01"))
        .containsEntry("childName", "Zoë Taylor")
        .containsEntry("namedSetting", "Brook Special School\r\n(hospital site)");
    assertThat(review("AR-IMP-A-11-2026-07-31"))
        .containsEntry("reviewDue", "2027-07-30")
        .containsEntry("reviewHostGroup", "la-caseworker")
        .doesNotContainKeys("planIssuedDate", "yearGroup", "namedSetting", "settingPhase");
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(Pathways.ANNUAL_REVIEW)
                .variableValueLike("childId", "IMP-A-%")
                .count())
        .isEqualTo(5);
  }

  @Test
  void an_nhs_number_column_is_optional_and_its_numbers_are_kept_as_ten_digits() {
    String file =
        HEADER.replace("\r\n", ",nhs_number\r\n")
            + "IMP-N-1,Nia Cole,2014-02-02,nia.parent@example.org,2026-03-01,,7,Oakfield"
            + " Primary,primary,943 476 5919\r\n"
            + "IMP-N-2,Omar Dale,2014-03-03,omar.parent@example.org,2026-03-01,,7,Oakfield"
            + " Primary,primary,9434765918\r\n"
            + "IMP-N-3,Pia Eng,2014-04-04,pia.parent@example.org,2026-03-01,,7,Oakfield"
            + " Primary,primary,\r\n";

    Map<String, Object> report = importCsv(file);

    assertThat(report).containsEntry("started", 2).containsEntry("refused", 1);
    assertThat(reasons(problems(report)))
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .endsWith(
            "nhsNumber: '9434765918' is not a valid NHS number (10 digits with a correct check"
                + " digit)");
    assertThat(review("AR-IMP-N-1-2026-03-01")).containsEntry("nhsNumber", "9434765919");
    assertThat(review("AR-IMP-N-3-2026-03-01")).doesNotContainKey("nhsNumber");
  }

  @Test
  void importing_the_same_file_again_starts_nothing_and_reports_every_good_row_as_a_duplicate() {
    String file = mixedFile("IMP-B-");
    importCsv(file);

    Map<String, Object> again = importCsv(file);

    assertThat(again)
        .containsEntry("rowsRead", 12)
        .containsEntry("started", 0)
        .containsEntry("duplicates", 6)
        .containsEntry("refused", 6);
    assertThat(problems(again))
        .filteredOn(p -> p.get("reason").toString().startsWith("duplicate: "))
        .extracting(p -> p.get("line"), p -> p.get("childId"))
        .containsExactly(
            tuple(2, "IMP-B-1"),
            tuple(3, "IMP-B-2"),
            tuple(4, "IMP-B-3"),
            tuple(11, "IMP-B-1"),
            tuple(12, "IMP-B-10"),
            tuple(14, "IMP-B-11"));
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(Pathways.ANNUAL_REVIEW)
                .variableValueLike("childId", "IMP-B-%")
                .count())
        .isEqualTo(5);
  }

  @Test
  void
      a_file_that_cannot_be_used_as_a_whole_is_refused_with_400_naming_the_problem_and_nothing_starts() {
    String good =
        "IMP-C-1,Kai Moss,2014-02-02,kai.parent@example.org,2026-03-01,,7,Oakfield Primary,primary\n";
    String missing =
        "child_id,child_name,date_of_birth,parent_email,plan_issued_date,last_review_decision_date,setting\n"
            + "IMP-C-1,Kai Moss,2014-02-02,kai.parent@example.org,2026-03-01,,Oakfield Primary\n";
    String misspelt = HEADER.replace("plan_issued_date", "plan_issue_date") + good;
    String repeated =
        HEADER.replace("\r\n", ",setting\r\n") + good.replace("\n", ",Oakfield Primary\n");
    byte[] latin1 =
        (HEADER + good.replace("Kai Moss", "Zoë Moss")).getBytes(StandardCharsets.ISO_8859_1);

    assertThat(refused(missing.getBytes(StandardCharsets.UTF_8)))
        .contains("missing columns year_group, phase.")
        .endsWith("; nhs_number may be left out.");
    assertThat(refused(misspelt.getBytes(StandardCharsets.UTF_8)))
        .contains("unknown column 'plan_issue_date'")
        .contains("missing column plan_issued_date");
    assertThat(refused(repeated.getBytes(StandardCharsets.UTF_8)))
        .contains("column 'setting' appears more than once");
    assertThat(refused(latin1)).contains("not valid UTF-8");
    assertThat(refused(new byte[0])).isEqualTo("The file is empty.");
    assertThat(
            refused(
                (HEADER + good.replace("Kai Moss", "\"Kai Moss")).getBytes(StandardCharsets.UTF_8)))
        .contains("line 2: a quoted value is never closed");
    assertThat(
            runtime.createProcessInstanceQuery().variableValueEquals("childId", "IMP-C-1").count())
        .isZero();
  }

  @Test
  void a_file_of_more_than_50000_plans_is_refused_before_anything_starts() {
    StringBuilder file = new StringBuilder(HEADER);
    for (int i = 1; i <= PlanImportService.MAX_ROWS + 1; i++) {
      file.append("IMP-D-")
          .append(i)
          .append(",Lee Park,2014-02-02,lee@example.org,2026-03-01,,7,Oakfield,primary\n");
    }

    assertThat(refused(file.toString().getBytes(StandardCharsets.UTF_8)))
        .contains("more than 50,000 rows");
    assertThat(
            runtime.createProcessInstanceQuery().variableValueEquals("childId", "IMP-D-1").count())
        .isZero();
  }

  @Test
  void the_file_may_also_come_as_a_multipart_upload_and_another_content_type_is_explained() {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add(
        "file",
        new ByteArrayResource(
            (HEADER
                    + "IMP-E-1,Mo Reed,2014-02-02,mo.parent@example.org,2026-03-01,,7,Oakfield Primary,primary\n")
                .getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "plans.csv";
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);

    ResponseEntity<Map<String, Object>> response =
        http.withBasicAuth("caseworker", "demo")
            .exchange(IMPORT, HttpMethod.POST, new HttpEntity<>(parts, headers), JSON);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("started", 1);
    assertThat(review("AR-IMP-E-1-2026-03-01")).containsEntry("reviewDue", "2027-02-28");

    MultiValueMap<String, Object> noFile = new LinkedMultiValueMap<>();
    noFile.add("plans", "IMP-E-2");
    ResponseEntity<Map<String, Object>> withoutFile =
        http.withBasicAuth("caseworker", "demo")
            .exchange(IMPORT, HttpMethod.POST, new HttpEntity<>(noFile, headers), JSON);
    assertThat(withoutFile.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(withoutFile.getBody())
        .containsEntry("message", "The upload has no field named 'file'.");

    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map<String, Object>> other =
        http.withBasicAuth("caseworker", "demo")
            .exchange(IMPORT, HttpMethod.POST, new HttpEntity<>("{}", json), JSON);
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat((String) other.getBody().get("message")).contains("Content-Type: text/csv");
  }

  @Test
  void only_caseworkers_and_administrators_may_import() {
    String file =
        HEADER
            + "IMP-F-1,Noor Ali,2014-02-02,noor.parent@example.org,2026-03-01,,7,Oakfield Primary,primary\n";

    ResponseEntity<Map<String, Object>> health =
        http.withBasicAuth("health", "demo")
            .exchange(IMPORT, HttpMethod.POST, csv(file.getBytes(StandardCharsets.UTF_8)), JSON);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) health.getBody().get("message")).contains("Only SEN caseworkers");

    ResponseEntity<String> anonymous =
        http.exchange(
            IMPORT, HttpMethod.POST, csv(file.getBytes(StandardCharsets.UTF_8)), String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            runtime.createProcessInstanceQuery().variableValueEquals("childId", "IMP-F-1").count())
        .isZero();

    // Administrators pass the gate; whether each start succeeds is for their engine authorizations.
    ResponseEntity<Map<String, Object>> admin =
        http.withBasicAuth("admin", "demo")
            .exchange(IMPORT, HttpMethod.POST, csv(file.getBytes(StandardCharsets.UTF_8)), JSON);
    assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(admin.getBody()).containsEntry("rowsRead", 1);
  }

  @Test
  void three_thousand_plans_import_in_one_request() {
    LocalDate today = LocalDate.of(2026, 11, 23);
    StringBuilder file = new StringBuilder(HEADER);
    for (int i = 0; i < 3000; i++) {
      LocalDate planIssued = today.minusDays(i % 365);
      file.append("IMP-BULK-")
          .append(i)
          .append(",Child ")
          .append(i)
          .append(",2012-04-0")
          .append(1 + i % 9)
          .append(",parent")
          .append(i)
          .append("@example.org,")
          .append(planIssued)
          .append(",,")
          .append(i % 12)
          .append(",Setting ")
          .append(i % 40)
          .append(",secondary\n");
    }

    long startedAt = System.nanoTime();
    Map<String, Object> report = importCsv(file.toString());
    double seconds = (System.nanoTime() - startedAt) / 1e9;

    System.out.printf("Plan import: 3,000 rows in %.1f s (%.0f rows/s)%n", seconds, 3000 / seconds);
    assertThat(report)
        .containsEntry("rowsRead", 3000)
        .containsEntry("started", 3000)
        .containsEntry("duplicates", 0)
        .containsEntry("refused", 0);
    assertThat(problems(report)).isEmpty();
  }

  private Map<String, Object> importCsv(String file) {
    ResponseEntity<Map<String, Object>> response =
        http.withBasicAuth("caseworker", "demo")
            .exchange(IMPORT, HttpMethod.POST, csv(file.getBytes(StandardCharsets.UTF_8)), JSON);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private String refused(byte[] file) {
    ResponseEntity<Map<String, Object>> response =
        http.withBasicAuth("caseworker", "demo").exchange(IMPORT, HttpMethod.POST, csv(file), JSON);
    assertThat(response.getStatusCode())
        .as("%s", response.getBody())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsOnlyKeys("message");
    return (String) response.getBody().get("message");
  }

  private Map<String, Object> review(String businessKey) {
    ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(Pathways.ANNUAL_REVIEW)
            .processInstanceBusinessKey(businessKey)
            .singleResult();
    assertThat(instance).as("review " + businessKey).isNotNull();
    return runtime.getVariables(instance.getId());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> problems(Map<String, Object> report) {
    return (List<Map<String, Object>>) report.get("problems");
  }

  private static List<String> reasons(List<Map<String, Object>> problems) {
    return problems.stream().map(p -> (String) p.get("reason")).toList();
  }

  private static HttpEntity<byte[]> csv(byte[] body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return new HttpEntity<>(body, headers);
  }
}
