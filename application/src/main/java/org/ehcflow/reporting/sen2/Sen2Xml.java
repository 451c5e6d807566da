package org.ehcflow.reporting.sen2;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The return as XML, nested as the SEN2 person-level modules are: person, their requests, each
 * request's assessment and named plan, and the request's active plan (module 5).
 *
 * <p><b>Most element names are provisional.</b> Only the module 5 item names the project's
 * statutory reference gives ({@code LastReview}, {@code SENtype}, {@code SENtypeRank}, with {@code
 * SENsetting}, {@code URN} and others the processes do not hold) are taken from a DfE source;
 * everything else, the envelope and the nesting included, is unverified and must be checked against
 * the DfE SEN2 technical specification before a file is submitted. docs/sen2.md lists each element
 * and its status.
 */
public final class Sen2Xml {

  /** Element names taken from the reference's list of module 5 items. */
  public static final Set<String> VERIFIED = Set.of("LastReview", "SENtype", "SENtypeRank");

  static final String NOTICE =
      " SEN2 export from EHC Flow. PROVISIONAL: apart from the module 5 items LastReview,"
          + " SENtype and SENtypeRank, element names and nesting are not verified against the DfE SEN2 technical"
          + " specification (see docs/sen2.md). Do not submit without checking. ";

  private Sen2Xml() {}

  public static String write(Sen2Return sen2) {
    try {
      StringWriter out = new StringWriter();
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      Writer w = new Writer(xml);
      xml.writeStartDocument("UTF-8", "1.0");
      w.newline();
      xml.writeComment(NOTICE);
      w.newline();
      w.open("Message");
      w.open("Header");
      w.open("CollectionDetails");
      w.leaf("Collection", "SEN2");
      w.leaf("Year", Integer.toString(sen2.period().year()));
      w.leaf("ReferenceDate", sen2.period().censusDate().toString());
      w.leaf("PeriodStart", sen2.period().periodStart().toString());
      w.leaf("PeriodEnd", sen2.period().periodEnd().toString());
      w.close();
      w.close();
      for (Map<String, String> person : sen2.rows(Sen2Module.PERSON)) {
        person(w, sen2, person);
      }
      w.close();
      xml.writeEndDocument();
      xml.close();
      return out.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the SEN2 XML", e);
    }
  }

  private static void person(Writer w, Sen2Return sen2, Map<String, String> person)
      throws XMLStreamException {
    String child = person.get("child_id");
    w.open("Person");
    w.leaf("ChildId", child);
    w.leaf("ChildName", person.get("child_name"));
    w.leaf("PersonBirthDate", person.get("date_of_birth"));

    List<Map<String, String>> assessments = of(sen2, Sen2Module.ASSESSMENTS, child);
    List<Map<String, String>> namedPlans = of(sen2, Sen2Module.NAMED_PLANS, child);
    List<Map<String, String>> activePlans = of(sen2, Sen2Module.ACTIVE_PLANS, child);
    Set<String> requestIds =
        of(sen2, Sen2Module.REQUESTS, child).stream()
            .map(r -> r.get("ehcr_ehcp_request_id"))
            .collect(Collectors.toSet());

    for (Map<String, String> request : of(sen2, Sen2Module.REQUESTS, child)) {
      String requestId = request.get("ehcr_ehcp_request_id");
      w.open("Requests");
      w.leaf("RequestId", requestId);
      w.leaf("ReceivedDate", request.get("ehcr_ehcp_req_date"));
      w.leaf("RequestOutcomeDate", request.get("ehcr_ehcp_req_outcome_date"));
      w.leaf("RequestOutcome", request.get("ehcr_ehcp_req_outcome"));
      for (Map<String, String> assessment : assessments) {
        if (requestId.equals(assessment.get("ehca_ehcp_request_id"))) {
          w.open("Assessment");
          w.leaf("AssessmentOutcome", assessment.get("ehca_ehcp_assessment_outcome"));
          w.leaf("AssessmentOutcomeDate", assessment.get("ehca_ehcp_assessment_outcome_date"));
          w.leaf("Week20", assessment.get("ehca_ehcp_assessment_exceptions"));
          for (Map<String, String> plan : namedPlans) {
            if (requestId.equals(plan.get("ehcn_ehcp_asmt_id"))) {
              namedPlan(w, plan);
            }
          }
          w.close();
        }
      }
      for (Map<String, String> active : activePlans) {
        if (requestId.equals(active.get("ehcp_ehcp_request_id"))) {
          activePlan(w, active);
        }
      }
      w.close();
    }

    // Plans whose request is not in this return (imported plans, or a request concluded before
    // the period) hang from a historical request, SEN2's outcome H.
    Map<String, List<Map<String, String>>> historical = new LinkedHashMap<>();
    for (Map<String, String> plan : namedPlans) {
      if (!requestIds.contains(plan.get("ehcn_ehcp_asmt_id"))) {
        historical
            .computeIfAbsent(plan.get("ehcn_named_plan_id"), k -> new ArrayList<>())
            .add(plan);
      }
    }
    for (Map<String, String> active : activePlans) {
      if (!requestIds.contains(active.get("ehcp_ehcp_request_id"))) {
        historical.computeIfAbsent(active.get("ehcp_active_ehcp_id"), k -> new ArrayList<>());
      }
    }
    for (String planId : historical.keySet()) {
      w.open("Requests");
      Map<String, String> named =
          namedPlans.stream()
              .filter(p -> planId.equals(p.get("ehcn_named_plan_id")))
              .findFirst()
              .orElse(null);
      Map<String, String> active =
          activePlans.stream()
              .filter(p -> planId.equals(p.get("ehcp_active_ehcp_id")))
              .findFirst()
              .orElse(null);
      w.leaf(
          "RequestId",
          named != null ? named.get("ehcn_ehcp_asmt_id") : active.get("ehcp_ehcp_request_id"));
      w.leaf("RequestOutcome", "H");
      if (named != null) {
        w.open("Assessment");
        w.leaf("AssessmentOutcome", "H");
        namedPlan(w, named);
        w.close();
      }
      if (active != null) {
        activePlan(w, active);
      }
      w.close();
    }

    for (Map<String, String> review : of(sen2, Sen2Module.REVIEWS, child)) {
      w.open("AnnualReview");
      w.leaf("ReviewId", review.get("review_id"));
      w.leaf("NamedPlanId", review.get("plan_id"));
      w.leaf("ReviewDue", review.get("review_due"));
      w.leaf("ReviewMeetingDate", review.get("review_meeting_date"));
      w.leaf("ReviewDecision", review.get("review_decision"));
      w.leaf("ReviewDecisionDate", review.get("review_decision_date"));
      w.leaf("ReviewDecidedWithin4Weeks", review.get("review_decided_within_4_weeks"));
      w.close();
    }
    w.close();
  }

  private static void namedPlan(Writer w, Map<String, String> plan) throws XMLStreamException {
    w.open("NamedPlan");
    w.leaf("NamedPlanId", plan.get("ehcn_named_plan_id"));
    w.leaf("StartDate", plan.get("ehcn_named_plan_start_date"));
    w.leaf("CeaseDate", plan.get("ehcn_named_plan_ceased_date"));
    w.leaf("CeaseReason", plan.get("ehcn_named_plan_ceased_reason"));
    w.close();
  }

  private static void activePlan(Writer w, Map<String, String> active) throws XMLStreamException {
    w.open("ActivePlans");
    w.leaf("NamedPlanId", active.get("ehcp_active_ehcp_id"));
    w.leaf("LastReview", active.get("ehcp_active_ehcp_last_review_date"));
    w.leaf("NamedSetting", active.get("named_setting"));
    String need = active.get("primary_need");
    if (need != null && !need.isEmpty()) {
      w.open("SENneed");
      w.leaf("SENtype", need);
      w.leaf("SENtypeRank", "1");
      w.close();
    }
    w.close();
  }

  private static List<Map<String, String>> of(Sen2Return sen2, Sen2Module module, String child) {
    return sen2.rows(module).stream().filter(r -> child.equals(r.get("child_id"))).toList();
  }

  /**
   * Indented elements; a blank item is left out, as optional items are in the DfE's XML returns.
   */
  private static final class Writer {
    private final XMLStreamWriter xml;
    private int depth;

    Writer(XMLStreamWriter xml) {
      this.xml = xml;
    }

    void newline() throws XMLStreamException {
      xml.writeCharacters("\n");
    }

    void open(String name) throws XMLStreamException {
      xml.writeCharacters("  ".repeat(depth));
      xml.writeStartElement(name);
      newline();
      depth++;
    }

    void close() throws XMLStreamException {
      depth--;
      xml.writeCharacters("  ".repeat(depth));
      xml.writeEndElement();
      newline();
    }

    void leaf(String name, String value) throws XMLStreamException {
      if (value == null || value.isEmpty()) {
        return;
      }
      xml.writeCharacters("  ".repeat(depth));
      xml.writeStartElement(name);
      xml.writeCharacters(value);
      xml.writeEndElement();
      newline();
    }
  }
}
