package org.ehcflow.assessment;

import static org.ehcflow.assessment.AssessmentProcess.Vars.*;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.spin.json.SpinJsonNode;
import org.ehcflow.notification.Mailboxes;
import org.ehcflow.security.EhcGroups;
import org.ehcflow.statutory.Deadlines;
import org.ehcflow.statutory.StatutoryClock;
import org.springframework.stereotype.Service;

/** The rules of the assessment pathway that are not statutory dates: those are the clock's. */
@Service
public class AssessmentService {

  private final Deadlines deadlines;
  private final Mailboxes mailboxes;

  public AssessmentService(Deadlines deadlines, Mailboxes mailboxes) {
    this.deadlines = deadlines;
    this.mailboxes = mailboxes;
  }

  /** Everything fixed when a request is registered: the statutory dates never move after this. */
  public Map<String, Object> registration(LocalDate requestReceived, LocalDate dateOfBirth, String settingEmail) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put(DECISION_TO_ASSESS_DUE, StatutoryClock.decisionToAssessDue(requestReceived).toString());
    facts.put(NO_PLAN_NOTICE_DUE, StatutoryClock.noPlanNoticeDue(requestReceived).toString());
    facts.put(FINAL_PLAN_DUE, StatutoryClock.finalPlanDue(requestReceived).toString());
    facts.put(DRAFT_PLAN_TARGET, deadlines.draftPlanTarget(requestReceived).toString());
    facts.put(AGE_IN_YEARS, Period.between(dateOfBirth, requestReceived).getYears());
    facts.put(EXCEPTIONS_APPLY, false);
    // Reg 4(2): the health commissioner, the council's social care officers and the child's setting.
    facts.put(REGULATION_4_RECIPIENTS, new ArrayList<>(new LinkedHashSet<>(List.of(
        mailboxes.of(EhcGroups.HEALTH.id()),
        mailboxes.of(EhcGroups.SOCIAL_CARE.id()),
        mailboxes.orGroup(settingEmail, EhcGroups.EDUCATION_SETTING.id())))));
    return facts;
  }

  /**
   * The advice to seek: what the advice table requires, less what the adviser, the council and
   * the parent agreed is already sufficient (reg 6(4)).
   */
  public List<Map<String, Object>> adviceRequests(Collection<Map<String, Object>> required, Set<String> reused) {
    List<Map<String, Object>> requests = new ArrayList<>();
    for (Map<String, Object> advice : required) {
      if (!reused.contains(String.valueOf(advice.get(ADVICE_TYPE)))) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put(ADVICE_TYPE, advice.get(ADVICE_TYPE));
        request.put(ADVISER_GROUP, advice.get(ADVISER_GROUP));
        request.put(ADVICE_LABEL, advice.get(ADVICE_LABEL));
        requests.add(request);
      }
    }
    return requests;
  }

  /** A form's multi-select arrives as JSON from Tasklist and as a list from Java or REST. */
  public static Set<String> stringSet(Object value) {
    Set<String> values = new LinkedHashSet<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(element -> values.add(element.isString() ? element.stringValue() : element.toString()));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(element -> values.add(String.valueOf(element)));
    } else if (value instanceof String text && !text.isBlank()) {
      for (String part : text.split(",")) {
        if (!part.isBlank()) {
          values.add(part.strip());
        }
      }
    }
    return values;
  }
}
