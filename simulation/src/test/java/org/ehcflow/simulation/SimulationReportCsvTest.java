package org.ehcflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ehcflow.platform.CsvCells;
import org.junit.jupiter.api.Test;

/** The simulation's CSV files are inert in a spreadsheet, as every CSV the product writes. */
class SimulationReportCsvTest {

  @Test
  void run_labels_that_would_run_as_formulas_are_written_with_a_quote_in_front() {
    List<String> labels =
        List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "@SUM(A1)", "-2+3", "\tcmd", "\rcmd");

    String csv = SimulationReport.summaryCsv(List.of(), labels);
    // Up to the first LF: the file's lines end in LF, and a CR inside a quoted label is part of the
    // label.
    List<String> header = SimulationReport.parseCsvLine(csv.substring(0, csv.indexOf('\n')));

    assertThat(header.subList(1, header.size()))
        .containsExactly(
            "'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'@SUM(A1)", "'-2+3", "'\tcmd", "'\rcmd");
    assertThat(header.subList(1, header.size()).stream().map(CsvCells::restored))
        .containsExactlyElementsOf(labels);
  }

  @Test
  void computed_numbers_stay_numbers_a_spreadsheet_can_sum_even_when_negative() {
    assertThat(SimulationReport.format(-3)).isEqualTo("-3");
    assertThat(SimulationReport.format(-2.5)).isEqualTo("-2.5");
  }
}
