package org.ehcflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.ehcflow.platform.CsvCells;
import org.ehcflow.review.CsvReader;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every CSV the product writes is inert in a spreadsheet (OWASP CSV injection): a text cell that
 * would run as a formula is written with a quote in front, and the plan import takes that quote off
 * again, so a council can export, edit and import without changing a name.
 */
@EhcIntegrationTest
class ExportsAreInertTest {

  /** Each would run as a formula (or, with a leading tab or CR, does in some spreadsheets). */
  static final List<String> HOSTILE =
      List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "@SUM(A1)", "-2+3", "\t=1+2", "\r=1+2");

  /**
   * The ones a child's name can hold: tabs and line breaks are refused in a name on every start.
   */
  static final List<String> HOSTILE_NAMES = HOSTILE.subList(0, 4);

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;

  @Test
  void a_cell_that_would_run_as_a_formula_gets_a_quote_in_front_and_reads_back_as_it_was() {
    for (String value : HOSTILE) {
      String cell = CsvCells.neutralised(value);
      assertThat(cell).as(value).isEqualTo("'" + value);
      assertThat(CsvCells.restored(cell)).isEqualTo(value);
    }
    // Quoted as RFC 4180 requires when the value holds a quote, comma or line break.
    assertThat(CsvCells.text("=HYPERLINK(\"http://x\",\"y\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    assertThat(CsvCells.text("\r=1+2")).isEqualTo("\"'\r=1+2\"");
    // Ordinary text is untouched, and so is a quote the person typed themselves.
    for (String value : List.of("Amira Khan", "O'Brien", "'quoted'", "2026-05-20", "", "'")) {
      assertThat(CsvCells.neutralised(value)).isEqualTo(value);
      assertThat(CsvCells.restored(value)).isEqualTo(value);
    }
    // Text that already starts with a quote and a formula character gets one more quote, so it too
    // reads back.
    assertThat(CsvCells.neutralised("'=1")).isEqualTo("''=1");
    assertThat(CsvCells.restored("''=1")).isEqualTo("'=1");
  }

  @Test
  void hostile_names_come_out_of_the_sen2_export_neutralised_and_import_back_as_they_were_typed() {
    String prefix = "INERT-" + Long.toString(System.nanoTime(), 36) + "-";
    // First into the system through the import, written as a spreadsheet would write them.
    StringBuilder file = new StringBuilder(HEADER);
    for (int i = 0; i < HOSTILE_NAMES.size(); i++) {
      file.append(
          row(
              prefix + "A" + i,
              CsvCells.text(HOSTILE_NAMES.get(i)),
              CsvCells.text("=" + i + "+1")));
    }
    assertStarted(importCsv(file.toString()), HOSTILE_NAMES.size());
    for (int i = 0; i < HOSTILE_NAMES.size(); i++) {
      assertThat(childVariable(prefix + "A" + i, "childName")).isEqualTo(HOSTILE_NAMES.get(i));
      assertThat(childVariable(prefix + "A" + i, "namedSetting")).isEqualTo("=" + i + "+1");
    }

    Map<String, List<String>> people =
        rowsByChild(get("/api/reports/sen2/person.csv?year=2027"), prefix);
    Map<String, List<String>> plans =
        rowsByChild(get("/api/reports/sen2/active-plans.csv?year=2027"), prefix);

    StringBuilder again = new StringBuilder(HEADER);
    for (int i = 0; i < HOSTILE_NAMES.size(); i++) {
      List<String> person = people.get(prefix + "A" + i);
      assertThat(person).as("the person row of " + prefix + "A" + i).isNotNull();
      String exportedName = person.get(1);
      assertThat(exportedName).isEqualTo("'" + HOSTILE_NAMES.get(i));
      String exportedSetting = plans.get(prefix + "A" + i).get(3);
      assertThat(exportedSetting).isEqualTo("'=" + i + "+1");
      // Dates are machine-readable as the SEN2 specification has them.
      assertThat(person.get(2)).isEqualTo("2015-03-14");
      again.append(
          row(prefix + "B" + i, CsvCells.quoted(exportedName), CsvCells.quoted(exportedSetting)));
    }

    // Then the exported cells imported as a council would re-import them: the names come back as
    // typed.
    assertStarted(importCsv(again.toString()), HOSTILE_NAMES.size());
    for (int i = 0; i < HOSTILE_NAMES.size(); i++) {
      assertThat(childVariable(prefix + "B" + i, "childName")).isEqualTo(HOSTILE_NAMES.get(i));
      assertThat(childVariable(prefix + "B" + i, "namedSetting")).isEqualTo("=" + i + "+1");
    }
  }

  @Test
  void a_negative_year_group_in_an_import_stays_a_number() {
    String childId = "INERT-YG-" + Long.toString(System.nanoTime(), 36);
    String file =
        HEADER
            + childId
            + ",Nia Okafor,2022-03-14,nia.parent@example.org,2026-05-20,,-1,Little Oaks,early-years\r\n";

    assertStarted(importCsv(file), 1);
    assertThat(childVariable(childId, "yearGroup")).isEqualTo(-1);
  }

  // --- Helpers
  // ------------------------------------------------------------------------------------

  private static final String HEADER =
      "child_id,child_name,date_of_birth,parent_email,plan_issued_date,last_review_decision_date,year_group,setting,phase\r\n";

  private static String row(String childId, String nameCell, String settingCell) {
    return childId
        + ","
        + nameCell
        + ",2015-03-14,parent@example.org,2026-05-20,,6,"
        + settingCell
        + ",primary\r\n";
  }

  private Map<String, Object> importCsv(String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    @SuppressWarnings("unchecked")
    ResponseEntity<Map<String, Object>> answer =
        (ResponseEntity<Map<String, Object>>)
            (ResponseEntity<?>)
                http.withBasicAuth("caseworker", "demo")
                    .postForEntity("/api/plans/import", new HttpEntity<>(csv, headers), Map.class);
    assertThat(answer.getStatusCode())
        .as(String.valueOf(answer.getBody()))
        .isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private static void assertStarted(Map<String, Object> report, int rows) {
    assertThat(report.get("started")).as(String.valueOf(report)).isEqualTo(rows);
  }

  private Object childVariable(String childId, String name) {
    String instance =
        runtime
            .createProcessInstanceQuery()
            .variableValueEquals("childId", childId)
            .singleResult()
            .getId();
    return runtime.getVariable(instance, name);
  }

  private String get(String path) {
    ResponseEntity<String> answer =
        http.withBasicAuth("manager", "demo").getForEntity(path, String.class);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  /** The rows of a CSV answer whose first column (child_id) starts with the prefix, by child. */
  private static Map<String, List<String>> rowsByChild(String csv, String prefix) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    CsvReader reader = new CsvReader(csv);
    for (CsvReader.Record record = reader.next(); record != null; record = reader.next()) {
      if (record.fields().get(0).startsWith(prefix)) {
        rows.put(record.fields().get(0), new ArrayList<>(record.fields()));
      }
    }
    return rows;
  }
}
