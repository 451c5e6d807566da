package org.ehcflow.reporting.sen2;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The modules of the SEN2 export and their CSV columns, in order. Column names are those of the
 * Data to Insight SSD mapping of the SEN2 items where it has one ({@code ehcr_}, {@code ehca_},
 * {@code ehcn_}, {@code ehcp_} prefixes), otherwise plain snake_case; docs/sen2.md gives each
 * column's source variable.
 */
public enum Sen2Module {
  PERSON("person", "1 Person details", "child_id", "child_name", "date_of_birth"),

  REQUESTS(
      "requests",
      "2 Requests for EHC needs assessment",
      "child_id",
      "ehcr_ehcp_request_id",
      "ehcr_ehcp_req_date",
      "requester_type",
      "ehcr_ehcp_req_outcome",
      "ehcr_ehcp_req_outcome_date",
      "request_withdrawn_date",
      "request_outcome_reversed",
      "request_outcome_current"),

  ASSESSMENTS(
      "assessments",
      "3 EHC needs assessments",
      "child_id",
      "ehca_ehcp_assessment_id",
      "ehca_ehcp_request_id",
      "ehca_ehcp_assessment_outcome",
      "ehca_ehcp_assessment_outcome_date",
      "ehca_ehcp_assessment_exceptions",
      "final_plan_due",
      "plan_issued_within_20_weeks",
      "assessment_outcome_reversed",
      "assessment_outcome_current"),

  NAMED_PLANS(
      "named-plans",
      "4 Named plans (including ceased plans)",
      "child_id",
      "ehcn_named_plan_id",
      "ehcn_ehcp_asmt_id",
      "ehcn_named_plan_start_date",
      "ehcn_named_plan_ceased_date",
      "ehcn_named_plan_ceased_reason"),

  ACTIVE_PLANS(
      "active-plans",
      "5 Placements: plans active on the census date",
      "child_id",
      "ehcp_active_ehcp_id",
      "ehcp_ehcp_request_id",
      "named_setting",
      "primary_need",
      "ehcp_active_ehcp_last_review_date"),

  REVIEWS(
      "reviews",
      "Annual reviews (RY2026 items)",
      "child_id",
      "review_id",
      "plan_id",
      "review_due",
      "review_meeting_date",
      "review_decision",
      "review_decision_date",
      "review_decision_due",
      "review_decided_within_4_weeks");

  private final String path;
  private final String title;
  private final List<String> columns;

  Sen2Module(String path, String title, String... columns) {
    this.path = path;
    this.title = title;
    this.columns = List.of(columns);
  }

  /** The name in the URL and the file name: {@code /api/reports/sen2/<path>.csv}. */
  public String path() {
    return path;
  }

  public String title() {
    return title;
  }

  public List<String> columns() {
    return columns;
  }

  public static Optional<Sen2Module> fromPath(String path) {
    return Arrays.stream(values()).filter(m -> m.path.equals(path)).findFirst();
  }

  public static List<String> paths() {
    return Arrays.stream(values()).map(Sen2Module::path).toList();
  }
}
