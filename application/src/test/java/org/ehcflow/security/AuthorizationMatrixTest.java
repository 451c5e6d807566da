package org.ehcflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.assessment.CaseEventProcess;
import org.ehcflow.phasetransfer.PhaseTransferProcess;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.section23.Section23Process;
import org.ehcflow.support.Cases;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestCase;
import org.ehcflow.support.TestMail;
import org.ehcflow.vocabulary.CaseEvent;
import org.ehcflow.vocabulary.CaseEventVariables;
import org.ehcflow.vocabulary.EhcGroups;
import org.ehcflow.vocabulary.Pathways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Every demo user (one per group) against every pathway's cases, tasks, variables and history, the
 * reporting API, deployment and the plan import, through the real REST API with HTTP Basic. The
 * expected answers are the table below, read as the contract and {@link GroupAuthorizations} say: a
 * partner works its own tasks and reads a case only through them; the council's caseworkers read
 * the case files of the pathways they run; managers read everything; process owners change models;
 * administrators may do anything.
 */
@EhcIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  static final List<String> USERS =
      List.of(
          "caseworker",
          "manager",
          "panel",
          "ep",
          "health",
          "socialcare",
          "senco",
          "earlyyears",
          "owner",
          "admin");

  /**
   * The matrix: one row per operation on one resource, one column per user in {@link #USERS} order;
   * Y = allowed, . = refused. Cases: A is an assessment at the advice stage (advice tasks for EP,
   * health, social care and the setting), B an assessment waiting for the caseworker (no partner
   * has a task), R an annual review hosted by the setting, T a phase transfer hosted by the
   * setting, S a Section 23 notification waiting for early years' triage.
   */
  static final String MATRIX =
      """
      # operation                           cw mg pa ep he sc se ey ow ad
      A: read case                           Y  Y  .  .  .  .  .  .  Y  Y
      A: read case variables                 Y  Y  .  .  .  .  .  .  Y  Y
      A: query variables                     Y  Y  .  .  .  .  .  .  Y  Y
      A: read history                        Y  Y  .  .  .  .  .  .  Y  Y
      A: read history variables              Y  Y  .  .  .  .  .  .  Y  Y
      A: list tasks                          .  Y  .  Y  Y  Y  Y  .  Y  Y
      A: change a variable                   .  .  .  .  .  .  .  .  .  Y
      A: correlate an exception message      Y  .  .  .  .  .  .  .  .  Y
      B: read case                           Y  Y  .  .  .  .  .  .  Y  Y
      B: read case variables                 Y  Y  .  .  .  .  .  .  Y  Y
      B: query variables                     Y  Y  .  .  .  .  .  .  Y  Y
      B: read history                        Y  Y  .  .  .  .  .  .  Y  Y
      B: read history variables              Y  Y  .  .  .  .  .  .  Y  Y
      B: list tasks                          Y  Y  .  .  .  .  .  .  Y  Y
      B: change a variable                   .  .  .  .  .  .  .  .  .  Y
      R: read case                           Y  Y  .  .  .  .  .  .  Y  Y
      R: read case variables                 Y  Y  .  .  .  .  .  .  Y  Y
      R: query variables                     Y  Y  .  .  .  .  .  .  Y  Y
      R: read history                        Y  Y  .  .  .  .  .  .  Y  Y
      R: read history variables              Y  Y  .  .  .  .  .  .  Y  Y
      R: list tasks                          .  Y  .  .  .  .  Y  .  Y  Y
      R: change a variable                   .  .  .  .  .  .  .  .  .  Y
      T: read case                           Y  Y  .  .  .  .  .  .  Y  Y
      T: read case variables                 Y  Y  .  .  .  .  .  .  Y  Y
      T: query variables                     Y  Y  .  .  .  .  .  .  Y  Y
      T: read history                        Y  Y  .  .  .  .  .  .  Y  Y
      T: read history variables              Y  Y  .  .  .  .  .  .  Y  Y
      T: list tasks                          .  Y  .  .  .  .  Y  .  Y  Y
      T: change a variable                   .  .  .  .  .  .  .  .  .  Y
      S: read case                           .  Y  .  .  .  .  .  .  Y  Y
      S: read case variables                 .  Y  .  .  .  .  .  .  Y  Y
      S: query variables                     .  Y  .  .  .  .  .  .  Y  Y
      S: read history                        .  Y  .  .  .  .  .  .  Y  Y
      S: read history variables              .  Y  .  .  .  .  .  .  Y  Y
      S: list tasks                          .  Y  .  .  .  .  .  Y  Y  Y
      S: change a variable                   .  .  .  .  .  .  .  .  .  Y
      task A/ep: read                        .  Y  .  Y  .  .  .  .  Y  Y
      task A/ep: read variables              .  Y  .  Y  .  .  .  .  Y  Y
      task A/ep: complete                    .  .  .  Y  .  .  .  .  .  Y
      task A/health: read                    .  Y  .  .  Y  .  .  .  Y  Y
      task A/health: read variables          .  Y  .  .  Y  .  .  .  Y  Y
      task A/health: complete                .  .  .  .  Y  .  .  .  .  Y
      task A/socialcare: read                .  Y  .  .  .  Y  .  .  Y  Y
      task A/socialcare: read variables      .  Y  .  .  .  Y  .  .  Y  Y
      task A/socialcare: complete            .  .  .  .  .  Y  .  .  .  Y
      task A/senco: read                     .  Y  .  .  .  .  Y  .  Y  Y
      task A/senco: read variables           .  Y  .  .  .  .  Y  .  Y  Y
      task A/senco: complete                 .  .  .  .  .  .  Y  .  .  Y
      task B/caseworker: read                Y  Y  .  .  .  .  .  .  Y  Y
      task B/caseworker: read variables      Y  Y  .  .  .  .  .  .  Y  Y
      task B/caseworker: complete            Y  .  .  .  .  .  .  .  .  Y
      task R/senco: read                     .  Y  .  .  .  .  Y  .  Y  Y
      task R/senco: read variables           .  Y  .  .  .  .  Y  .  Y  Y
      task R/senco: complete                 .  .  .  .  .  .  Y  .  .  Y
      task T/senco: read                     .  Y  .  .  .  .  Y  .  Y  Y
      task T/senco: read variables           .  Y  .  .  .  .  Y  .  Y  Y
      task T/senco: complete                 .  .  .  .  .  .  Y  .  .  Y
      task S/earlyyears: read                .  Y  .  .  .  .  .  Y  Y  Y
      task S/earlyyears: read variables      .  Y  .  .  .  .  .  Y  Y  Y
      task S/earlyyears: complete            .  .  .  .  .  .  .  Y  .  Y
      start ehc-needs-assessment             Y  .  .  .  .  .  .  .  .  Y
      start ehc-annual-review                Y  .  .  .  .  .  .  .  .  Y
      start ehc-phase-transfer               Y  .  .  .  .  .  .  .  .  Y
      start section-23-notification          .  .  .  .  Y  .  .  .  .  Y
      start ehc-record-case-event            Y  .  .  .  .  .  .  .  .  Y
      start ehc-amend-plan                   Y  .  .  .  .  .  .  .  .  Y
      Start process offers the cohort run    .  .  .  .  .  .  .  .  .  .
      Start process offers assessment        Y  .  .  .  .  .  .  .  .  Y
      create a task of one's own             .  .  .  .  .  .  .  .  .  Y
      read published models                  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y
      deploy a model                         .  .  .  .  .  .  .  .  Y  Y
      report: compliance figures             .  Y  .  .  .  .  .  .  .  Y
      report: SEN2 return                    .  Y  .  .  .  .  .  .  .  Y
      report: chronology of child A          Y  Y  .  .  .  .  .  .  .  Y
      report: printable chronology of A      Y  Y  .  .  .  .  .  .  .  Y
      import plans                           Y  .  .  .  .  .  .  .  .  Y
      """;

  /** A Java stack frame or a nested cause, as it would look if a trace leaked into an answer. */
  static final Pattern STACK_TRACE =
      Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|Caused by:|\\.java:\\d+");

  enum Outcome {
    ALLOWED,
    REFUSED
  }

  @RegisterExtension
  static GreenMailExtension mail = TestMail.server().withPerMethodLifecycle(false);

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;

  private final Map<String, String> caseIds = new HashMap<>();
  private final Map<String, String> taskIds = new HashMap<>();
  private final Map<String, Function<String, Outcome>> operations = new LinkedHashMap<>();
  private final AtomicInteger starts = new AtomicInteger();
  static final AtomicInteger cellsChecked = new AtomicInteger();

  @BeforeAll
  void casesOfEveryPathwayWait() {
    // Another test's failed log-in, made at today's real time, would lock its user while this
    // test's clock stands in 2026: start from unlocked users.
    USERS.forEach(engine.getIdentityService()::unlockUser);
    // Requested on 5 January 2026; the clock is left at 10 February, when the advice requests went
    // out.
    TestCase a =
        Cases.assessment(engine, mail).with(assessment("MATRIX-A", "2026-01-05")).atAdvice();
    caseIds.put("A", a.id());
    for (Task advice : a.tasks(AssessmentProcess.Elements.GIVE_ADVICE)) {
      taskIds.putIfAbsent("A/" + userOf(candidateGroup(advice)), advice.getId());
    }
    assertThat(openTaskGroups(a.id()))
        .as("case A waits only for its advisers")
        .containsExactlyInAnyOrder(
            "educational-psychology", "health", "social-care", "education-setting");

    TestCase b =
        new TestCase(engine, mail)
            .start(AssessmentProcess.KEY, "EHCNA-MATRIX-B", assessment("MATRIX-B", "2026-02-09"));
    caseIds.put("B", b.id());
    taskIds.put("B/caseworker", b.task(AssessmentProcess.Elements.PREPARE_CASE_FOR_PANEL).getId());
    assertThat(openTaskGroups(b.id())).containsExactly("la-caseworker");

    TestCase r =
        new TestCase(engine, mail)
            .start(AnnualReviewProcess.KEY, "AR-MATRIX-R", review("MATRIX-R"));
    caseIds.put("R", r.id());
    taskIds.put("R/senco", r.task(AnnualReviewProcess.Elements.ARRANGE_MEETING).getId());
    assertThat(openTaskGroups(r.id())).containsExactly("education-setting");

    TestCase t =
        new TestCase(engine, mail)
            .start(PhaseTransferProcess.KEY, "PT-MATRIX-T", transfer("MATRIX-T"));
    caseIds.put("T", t.id());
    taskIds.put("T/senco", t.task(PhaseTransferProcess.Elements.HOLD_REVIEW).getId());
    assertThat(openTaskGroups(t.id())).containsExactly("education-setting");

    TestCase s =
        new TestCase(engine, mail)
            .start(Section23Process.KEY, "S23-MATRIX-S", section23("9434765919"));
    caseIds.put("S", s.id());
    taskIds.put("S/earlyyears", s.task(Section23Process.Elements.TRIAGE).getId());
    assertThat(openTaskGroups(s.id())).containsExactly("early-years");

    defineOperations();
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
    System.out.println(
        "Authorization matrix: "
            + USERS.size()
            + " users (one per group) x "
            + rows().size()
            + " resource operations = "
            + cellsChecked.get()
            + " cells checked");
  }

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (Map.Entry<String, String> row : rows().entrySet()) {
      String[] marks = row.getValue().trim().split("\\s+");
      for (int i = 0; i < USERS.size(); i++) {
        cells.add(
            Arguments.of(
                USERS.get(i),
                row.getKey(),
                marks[i].equals("Y") ? Outcome.ALLOWED : Outcome.REFUSED));
      }
    }
    return cells.stream();
  }

  static Map<String, String> rows() {
    Map<String, String> rows = new LinkedHashMap<>();
    MATRIX
        .lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .forEach(
            line -> {
              String operation = line.substring(0, 39).strip();
              rows.put(operation, line.substring(39));
            });
    return rows;
  }

  @ParameterizedTest(name = "{0}: {1} is {2}")
  @MethodSource("cells")
  void each_group_may_do_only_what_the_contract_allows(
      String user, String operation, Outcome expected) {
    Function<String, Outcome> check = operations.get(operation);
    assertThat(check).as("an operation named '" + operation + "' is defined").isNotNull();

    assertThat(check.apply(user)).as(user + ": " + operation).isEqualTo(expected);
    cellsChecked.incrementAndGet();
  }

  @Test
  void the_matrix_covers_every_group_and_every_operation_it_names() {
    assertThat(USERS).hasSize(EhcGroups.values().length);
    assertThat(rows().keySet()).containsExactlyInAnyOrderElementsOf(operations.keySet());
    assertThat(rows().values())
        .allSatisfy(marks -> assertThat(marks.trim().split("\\s+")).hasSize(USERS.size()));
  }

  @Test
  void a_partner_cannot_read_the_variables_of_a_child_it_has_no_task_for_by_any_route() {
    String childB = caseIds.get("B");
    for (String partner : List.of("ep", "health", "socialcare", "senco", "earlyyears", "panel")) {
      List<ResponseEntity<String>> answers =
          List.of(
              get(partner, "/engine-rest/process-instance/" + childB + "/variables"),
              get(partner, "/engine-rest/process-instance/" + childB + "/variables/childName"),
              get(partner, "/engine-rest/execution/" + childB + "/localVariables"),
              get(partner, "/engine-rest/variable-instance?processInstanceIdIn=" + childB),
              get(partner, "/engine-rest/variable-instance?variableName=childName"),
              get(partner, "/engine-rest/history/variable-instance?processInstanceId=" + childB),
              get(partner, "/engine-rest/history/variable-instance?variableName=childName"),
              get(partner, "/engine-rest/history/detail?processInstanceId=" + childB),
              get(
                  partner,
                  "/engine-rest/history/process-instance?processInstanceBusinessKey=EHCNA-MATRIX-B"),
              get(partner, "/engine-rest/process-instance?businessKey=EHCNA-MATRIX-B"),
              get(partner, "/engine-rest/task?processInstanceId=" + childB),
              get(partner, "/engine-rest/task/" + taskIds.get("B/caseworker") + "/variables"),
              get(partner, "/engine-rest/task/" + taskIds.get("B/caseworker") + "/form-variables"),
              get(partner, "/engine-rest/history/task?processInstanceId=" + childB),
              get(partner, "/engine-rest/history/activity-instance?processInstanceId=" + childB));
      for (ResponseEntity<String> answer : answers) {
        assertThat(answer.getStatusCode().value()).as(partner).isIn(200, 403, 404);
        assertThat(answer.getBody())
            .as(partner + " reads nothing of child B")
            .doesNotContain("MATRIX-B")
            .doesNotContain("Matrix Child B");
        assertNoStackTrace(answer);
      }
    }
  }

  @Test
  void a_partner_reads_the_case_of_its_own_task_through_the_task_and_nothing_more() {
    ResponseEntity<String> throughTask =
        get("ep", "/engine-rest/task/" + taskIds.get("A/ep") + "/variables");
    ResponseEntity<String> direct =
        get("ep", "/engine-rest/process-instance/" + caseIds.get("A") + "/variables");
    ResponseEntity<String> otherAdvice =
        get("ep", "/engine-rest/task/" + taskIds.get("A/health") + "/variables");

    assertThat(throughTask.getStatusCode().value()).isEqualTo(200);
    assertThat(throughTask.getBody()).contains("Matrix Child A").contains("psychological");
    // Neither the case nor another adviser's task is visible to EP: both answer as if they did not
    // exist.
    assertThat(direct.getStatusCode().value()).isEqualTo(404);
    assertThat(otherAdvice.getStatusCode().value()).as("another adviser's task").isEqualTo(404);
  }

  @Test
  void
      a_partner_sees_only_its_own_tasks_variables_with_the_childs_name_and_identifier_copied_for_its_task_list()
          throws Exception {
    ResponseEntity<String> seen =
        get("ep", "/engine-rest/variable-instance?processInstanceIdIn=" + caseIds.get("A"));
    assertThat(seen.getStatusCode().value()).isEqualTo(200);
    List<Map<String, Object>> variables =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readValue(
                seen.getBody(),
                new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() {});
    // adviceType is the task's own (which advice it asks for); the rest of the case stays
    // unreadable.
    assertThat(variables)
        .extracting(variable -> variable.get("name"))
        .containsOnly("adviceType", "childName", "childId");
    assertThat(variables)
        .extracting(variable -> variable.get("taskId"))
        .containsOnly(taskIds.get("A/ep"));
  }

  @Test
  void an_installation_where_process_owners_held_every_permission_is_narrowed_at_the_next_start() {
    var authorizations = engine.getAuthorizationService();
    var ownerGrant =
        authorizations
            .createAuthorizationQuery()
            .groupIdIn(EhcGroups.PROCESS_OWNER.id())
            .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION)
            .resourceId(org.camunda.bpm.engine.authorization.Authorization.ANY)
            .singleResult();
    ownerGrant.setPermissions(
        new org.camunda.bpm.engine.authorization.Permission[] {
          org.camunda.bpm.engine.authorization.Permissions.ALL
        });
    authorizations.saveAuthorization(ownerGrant);

    new GroupAuthorizations(authorizations).grantAll();

    var narrowed =
        authorizations
            .createAuthorizationQuery()
            .authorizationId(ownerGrant.getId())
            .singleResult();
    assertThat(
            narrowed.isPermissionGranted(
                org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.MIGRATE_INSTANCE))
        .isTrue();
    assertThat(
            narrowed.isPermissionGranted(
                org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.TASK_WORK))
        .isFalse();
    assertThat(
            narrowed.isPermissionGranted(
                org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.DELETE_INSTANCE))
        .isFalse();
    assertThat(
            status(
                send(
                    "owner",
                    HttpMethod.POST,
                    "/engine-rest/task/" + taskIds.get("S/earlyyears") + "/complete",
                    Map.of()),
                400))
        .isEqualTo(Outcome.REFUSED);
  }

  @Test
  void a_partner_has_what_tasklist_needs_to_work_its_own_task() {
    String task = taskIds.get("A/ep");
    String definition =
        engine
            .getTaskService()
            .createTaskQuery()
            .taskId(task)
            .singleResult()
            .getProcessDefinitionId();

    assertThat(get("ep", "/engine-rest/task/" + task + "/deployed-form").getStatusCode().value())
        .isEqualTo(200);
    assertThat(get("ep", "/engine-rest/task/" + task + "/form-variables").getBody())
        .contains("childName");
    assertThat(
            get("ep", "/engine-rest/process-definition/" + definition + "/xml")
                .getStatusCode()
                .value())
        .isEqualTo(200);
    assertThat(get("ep", "/engine-rest/filter").getBody())
        .contains("Educational psychology: my group's tasks");
    assertThat(get("ep", "/engine-rest/task?candidateGroup=educational-psychology").getBody())
        .contains(task)
        .doesNotContain(taskIds.get("A/health"));
  }

  // ---------------------------------------------------------------------------------------------

  private void defineOperations() {
    for (String c : List.of("A", "B", "R", "T", "S")) {
      String id = caseIds.get(c);
      operations.put(
          c + ": read case", user -> single(get(user, "/engine-rest/process-instance/" + id), id));
      operations.put(
          c + ": read case variables",
          user ->
              single(get(user, "/engine-rest/process-instance/" + id + "/variables"), "childName"));
      // dateOfBirth: a case variable that is never copied onto a partner's task (childName is, for
      // the task list).
      operations.put(
          c + ": query variables",
          user ->
              listed(
                  get(user, "/engine-rest/variable-instance?processInstanceIdIn=" + id),
                  "\"dateOfBirth\""));
      operations.put(
          c + ": read history",
          user ->
              listed(
                  get(user, "/engine-rest/history/process-instance?processInstanceId=" + id), id));
      operations.put(
          c + ": read history variables",
          user ->
              listed(
                  get(user, "/engine-rest/history/variable-instance?processInstanceId=" + id),
                  "\"childName\""));
      operations.put(
          c + ": list tasks",
          user -> listed(get(user, "/engine-rest/task?processInstanceId=" + id), id));
      operations.put(
          c + ": change a variable",
          user ->
              status(
                  send(
                      user,
                      HttpMethod.PUT,
                      "/engine-rest/process-instance/" + id + "/variables/matrixNote",
                      Map.of("value", "seen by " + user, "type", "String")),
                  204));
    }
    operations.put(
        "A: correlate an exception message",
        user ->
            status(
                send(
                    user,
                    HttpMethod.POST,
                    "/engine-rest/message",
                    Map.of(
                        "messageName",
                        Pathways.Messages.EXCEPTION_RECORDED,
                        "businessKey",
                        "EHCNA-MATRIX-A",
                        "processVariables",
                        Map.of(
                            "exceptionGround",
                            typed("school-closure"),
                            "exceptionNote",
                            typed("Closed by " + user)))),
                204));

    for (Map.Entry<String, String> task : taskIds.entrySet()) {
      String taskId = task.getValue();
      operations.put(
          "task " + task.getKey() + ": read",
          user -> single(get(user, "/engine-rest/task/" + taskId), taskId));
      operations.put(
          "task " + task.getKey() + ": read variables",
          user -> single(get(user, "/engine-rest/task/" + taskId + "/variables"), "childName"));
      // Completing without the decision's variables: a caller who may work the task gets past the
      // authorization check to the task's own validation (400); nobody else gets that far (403).
      operations.put(
          "task " + task.getKey() + ": complete",
          user -> {
            ResponseEntity<String> answer =
                send(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete", Map.of());
            assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count())
                .as("the task stays open")
                .isEqualTo(1);
            return statusOrHidden(answer, 400);
          });
    }

    operations.put(
        "start ehc-needs-assessment",
        user -> start(user, AssessmentProcess.KEY, child -> assessment(child, "2026-02-09")));
    operations.put(
        "start ehc-annual-review", user -> start(user, AnnualReviewProcess.KEY, this::review));
    operations.put(
        "start ehc-phase-transfer", user -> start(user, PhaseTransferProcess.KEY, this::transfer));
    operations.put(
        "start section-23-notification",
        user -> start(user, Section23Process.KEY, child -> section23(null)));
    operations.put(
        "start ehc-record-case-event",
        user ->
            start(
                user,
                CaseEventProcess.KEY,
                child ->
                    Map.of(
                        CaseEventVariables.CASE_BUSINESS_KEY.name(),
                        "EHCNA-MATRIX-A",
                        CaseEventVariables.CASE_EVENT.name(),
                        CaseEvent.EXCEPTION_RECORDED.code(),
                        "exceptionGround",
                        "missed-appointment",
                        "exceptionNote",
                        "Recorded by " + user)));

    operations.put(
        "start ehc-amend-plan", user -> start(user, Pathways.AMEND_PLAN, this::amendment));

    // What Tasklist's "Start process" lists: the latest versions the caller may start. The cohort
    // run has only a timer and a message start (the engine allows no none start beside a timer
    // start), so Tasklist could not start it for anyone and does not offer it.
    operations.put(
        "Start process offers the cohort run",
        user -> listed(get(user, startable(Pathways.PHASE_TRANSFER_COHORT)), "\"id\""));
    operations.put(
        "Start process offers assessment",
        user -> listed(get(user, startable(AssessmentProcess.KEY)), "\"id\""));
    // Tasklist's "Create task": a task outside every pathway, with no child, no group and no
    // deadline, is an administrator's tool.
    operations.put(
        "create a task of one's own",
        user -> {
          String name = "Task of " + user + "'s own";
          Outcome outcome =
              status(
                  send(user, HttpMethod.POST, "/engine-rest/task/create", Map.of("name", name)),
                  204);
          assertThat(engine.getTaskService().createTaskQuery().taskName(name).count())
              .isEqualTo(outcome == Outcome.ALLOWED ? 1 : 0);
          engine.getTaskService().createTaskQuery().taskName(name).list().stream()
              .forEach(task -> engine.getTaskService().deleteTask(task.getId(), true));
          return outcome;
        });

    operations.put(
        "read published models",
        user ->
            listed(
                get(user, "/engine-rest/process-definition?key=" + AssessmentProcess.KEY),
                AssessmentProcess.KEY));
    operations.put(
        "deploy a model",
        user -> {
          MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
          parts.add("deployment-name", "matrix-" + user);
          parts.add("data", new ClassPathResource("models/ehc-smoke-test.bpmn"));
          parts.add("form", new ClassPathResource("models/review-test-case.form"));
          HttpHeaders headers = new HttpHeaders();
          headers.setContentType(MediaType.MULTIPART_FORM_DATA);
          ResponseEntity<String> answer =
              http.withBasicAuth(user, "demo")
                  .exchange(
                      "/engine-rest/deployment/create",
                      HttpMethod.POST,
                      new HttpEntity<>(parts, headers),
                      String.class);
          Outcome outcome = status(answer, 200);
          assertThat(
                  engine
                      .getRepositoryService()
                      .createDeploymentQuery()
                      .deploymentName("matrix-" + user)
                      .count())
              .isEqualTo(outcome == Outcome.ALLOWED ? 1 : 0);
          return outcome;
        });

    operations.put(
        "report: compliance figures", user -> status(get(user, "/api/reports/compliance"), 200));
    operations.put(
        "report: SEN2 return", user -> status(get(user, "/api/reports/sen2.xml?year=2026"), 200));
    operations.put(
        "report: chronology of child A",
        user -> status(get(user, "/api/cases/MATRIX-A/chronology"), 200));
    operations.put(
        "report: printable chronology of A",
        user -> status(get(user, "/api/cases/MATRIX-A/chronology.html"), 200));
    operations.put(
        "import plans",
        user -> {
          HttpHeaders headers = new HttpHeaders();
          headers.setContentType(MediaType.parseMediaType("text/csv"));
          String headerOnly =
              "child_id,child_name,date_of_birth,parent_email,plan_issued_date,last_review_decision_date,"
                  + "year_group,setting,phase\n";
          return status(
              http.withBasicAuth(user, "demo")
                  .exchange(
                      "/api/plans/import",
                      HttpMethod.POST,
                      new HttpEntity<>(headerOnly, headers),
                      String.class),
              200);
        });
  }

  private static String startable(String key) {
    return "/engine-rest/process-definition?latestVersion=true&active=true&startableInTasklist=true"
        + "&startablePermissionCheck=true&key="
        + key;
  }

  /** A start as the user: allowed means the case exists; refused means nothing was kept. */
  private Outcome start(
      String user, String key, Function<String, Map<String, Object>> variablesFor) {
    String child = "MATRIX-START-" + starts.incrementAndGet();
    Map<String, Object> variables = new LinkedHashMap<>();
    variablesFor.apply(child).forEach((name, value) -> variables.put(name, typed(value)));
    ResponseEntity<String> answer =
        send(
            user,
            HttpMethod.POST,
            "/engine-rest/process-definition/key/" + key + "/start",
            Map.of("businessKey", child, "variables", variables));
    Outcome outcome = status(answer, 200);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(child)
                .count())
        .as("cases kept for " + child)
        .isEqualTo(outcome == Outcome.ALLOWED ? 1 : 0);
    return outcome;
  }

  /** A single resource: the answer carries it, or it is refused (403) or hidden (404). */
  private static Outcome single(ResponseEntity<String> answer, String mustContain) {
    int code = answer.getStatusCode().value();
    if (code == 200) {
      assertThat(answer.getBody()).contains(mustContain);
      return Outcome.ALLOWED;
    }
    assertThat(code).as(answer.getBody()).isIn(403, 404);
    return Outcome.REFUSED;
  }

  /** A query: the caller sees the resource in the list, or the list leaves it out. */
  private static Outcome listed(ResponseEntity<String> answer, String marker) {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    return answer.getBody().contains(marker) ? Outcome.ALLOWED : Outcome.REFUSED;
  }

  /** An action: the expected answer when allowed, 403 when refused. */
  private static Outcome status(ResponseEntity<String> answer, int allowed) {
    int code = answer.getStatusCode().value();
    if (code == allowed) {
      return Outcome.ALLOWED;
    }
    assertThat(code).as(answer.getBody()).isEqualTo(403);
    return Outcome.REFUSED;
  }

  /** An action on something the user may not see: refused as if it did not exist (404), or 403. */
  private static Outcome statusOrHidden(ResponseEntity<String> answer, int allowed) {
    int code = answer.getStatusCode().value();
    if (code == allowed) {
      return Outcome.ALLOWED;
    }
    assertThat(code).as(answer.getBody()).isIn(403, 404);
    return Outcome.REFUSED;
  }

  private ResponseEntity<String> get(String user, String path) {
    ResponseEntity<String> answer =
        http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    assertNoStackTrace(answer);
    return answer;
  }

  private ResponseEntity<String> send(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> answer =
        http.withBasicAuth(user, "demo")
            .exchange(path, method, new HttpEntity<>(body, headers), String.class);
    assertNoStackTrace(answer);
    return answer;
  }

  static void assertNoStackTrace(ResponseEntity<String> answer) {
    if (answer.getBody() != null && answer.getStatusCode().value() >= 400) {
      assertThat(STACK_TRACE.matcher(answer.getBody()).find())
          .as("a stack trace in " + answer.getBody())
          .isFalse();
    }
  }

  private static Map<String, Object> typed(Object value) {
    Map<String, Object> variable = new LinkedHashMap<>();
    variable.put("value", value);
    return variable;
  }

  private Set<String> openTaskGroups(String processInstanceId) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .list()
        .stream()
        .map(this::candidateGroup)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private String candidateGroup(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .findFirst()
        .orElse("(none)");
  }

  private static String userOf(String group) {
    return switch (group) {
      case "educational-psychology" -> "ep";
      case "social-care" -> "socialcare";
      case "education-setting" -> "senco";
      default -> group;
    };
  }

  private Map<String, Object> assessment(String child, String received) {
    Map<String, Object> request = new HashMap<>();
    request.put("childId", child);
    request.put("childName", child.equals("MATRIX-B") ? "Matrix Child B" : "Matrix Child A");
    request.put("dateOfBirth", "2016-03-14");
    request.put("requestReceivedDate", received);
    request.put("requester", "parent");
    request.put("parentEmail", "parent@example.org");
    request.put("yearGroup", 4);
    request.put("settingEmail", "senco@school.example");
    return request;
  }

  private Map<String, Object> review(String child) {
    Map<String, Object> plan = new HashMap<>();
    plan.put("childId", child);
    plan.put("childName", "Matrix Review Child");
    plan.put("dateOfBirth", "2014-02-03");
    plan.put("parentEmail", "parent@example.org");
    plan.put("planIssuedDate", "2025-03-01");
    plan.put("namedSetting", "Hillside Primary");
    plan.put("settingPhase", "primary");
    return plan;
  }

  private Map<String, Object> amendment(String child) {
    Map<String, Object> start = new HashMap<>();
    start.put("childId", child);
    start.put("childName", "Matrix Amendment Child");
    start.put("dateOfBirth", "2014-02-03");
    start.put("parentEmail", "parent@example.org");
    start.put("amendmentTrigger", "change-of-circumstances");
    start.put("amendmentProposalReason", "New advice from the school nurse");
    start.put("proposedAmendments", "Section F: more support at lunchtime");
    return start;
  }

  private Map<String, Object> transfer(String child) {
    Map<String, Object> start = new HashMap<>();
    start.put("childId", child);
    start.put("childName", "Matrix Transfer Child");
    start.put("dateOfBirth", "2014-04-12");
    start.put("parentEmail", "parent@example.org");
    start.put("transferType", "primary-to-secondary");
    start.put("transferDate", "2026-09-01");
    start.put("namedSetting", "Brook Primary");
    return start;
  }

  private Map<String, Object> section23(String nhsNumber) {
    Map<String, Object> start = new HashMap<>();
    start.put("childName", "Matrix Baby");
    start.put("dateOfBirth", "2024-06-15");
    start.put("nhsNumber", nhsNumber == null ? "9434765919" : nhsNumber);
    start.put("notificationDate", "2026-02-10");
    start.put("notifyingBody", "Royal Hospital NHS Trust");
    start.put("notifierEmail", "paediatrics@nhs.example");
    start.put("concern", "Global developmental delay");
    start.put("parentInformedDate", "2026-02-09");
    start.put("parentOfferedDiscussion", true);
    start.put("voluntaryOrganisationsInfoGiven", false);
    return start;
  }
}
