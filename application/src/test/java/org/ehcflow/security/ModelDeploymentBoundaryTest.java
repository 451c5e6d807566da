package org.ehcflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.ehcflow.support.EhcIntegrationTest;
import org.ehcflow.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 21, item 3: a process owner deploying a model cannot make the engine run code of their
 * choosing. Each hostile construct is sent as {@code owner} over REST, as the Modeler sends it, and
 * must come back as a 400 naming the element, with nothing deployed and nothing run.
 */
@EhcIntegrationTest
class ModelDeploymentBoundaryTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};
  private static final String MAKE_ME_ADMIN =
      "${execution.getProcessEngineServices().getIdentityService().createMembership('owner','camunda-admin')}";

  @RegisterExtension static GreenMailExtension mail = TestMail.server();

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired ExpressionCheck expressions;
  @Autowired ModelContentCheck content;
  @Autowired ModelBeans beans;

  @Test
  void an_expression_reaching_the_engine_services_is_refused_naming_the_element() {
    assertRefused(
        Map.of(
            "owner-membership.bpmn",
            bpmn(serviceTaskWithExpression("boundary-membership", MAKE_ME_ADMIN))),
        "serviceTask_hostile",
        "getProcessEngineServices");
  }

  @Test
  void reflection_through_getClass_and_forName_is_refused() {
    assertRefused(
        Map.of(
            "reflection.bpmn",
            bpmn(
                serviceTaskWithExpression(
                    "boundary-reflection",
                    "${parentEmail.getClass().forName('java.lang.Runtime')}"))),
        "serviceTask_hostile",
        "getClass");
    assertRefused(
        Map.of(
            "reflection.bpmn",
            bpmn(
                serviceTaskWithExpression(
                    "boundary-reflection",
                    "${parentEmail['class'].forName('java.lang.Runtime')}"))),
        "serviceTask_hostile",
        "class");
  }

  @Test
  void a_script_task_is_refused() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("boundary-script")
            .camundaHistoryTimeToLive(30)
            .startEvent()
            .scriptTask("scriptTask_hostile")
            .scriptFormat("javascript")
            .scriptText("java.lang.System.exit(1)")
            .endEvent()
            .done();
    assertRefused(Map.of("script.bpmn", bpmn(model)), "scriptTask_hostile", "scriptTask");
  }

  @Test
  void a_java_class_named_by_camunda_class_is_refused() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("boundary-class")
            .camundaHistoryTimeToLive(30)
            .startEvent()
            .serviceTask("serviceTask_hostile")
            .camundaClass("org.ehcflow.notification.SendNoticeDelegate")
            .endEvent()
            .done();
    assertRefused(Map.of("class.bpmn", bpmn(model)), "serviceTask_hostile", "camunda:class");
  }

  @Test
  void a_bean_outside_the_allow_list_is_refused() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("boundary-bean")
            .camundaHistoryTimeToLive(30)
            .startEvent()
            .serviceTask("serviceTask_hostile")
            .camundaDelegateExpression("${identityService}")
            .endEvent()
            .done();
    assertRefused(Map.of("bean.bpmn", bpmn(model)), "serviceTask_hostile", "identityService");
  }

  @Test
  void a_shell_task_is_refused() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("boundary-shell")
            .camundaHistoryTimeToLive(30)
            .startEvent()
            .serviceTask("serviceTask_hostile")
            .camundaType("shell")
            .endEvent()
            .done();
    assertRefused(Map.of("shell.bpmn", bpmn(model)), "serviceTask_hostile", "shell");
  }

  @Test
  void a_decision_table_in_juel_is_refused() {
    String table =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="definitions_hostile" name="Hostile"
                     namespace="https://ehcflow.org/dmn">
          <decision id="decision_hostile" name="Hostile">
            <decisionTable id="decisionTable_hostile">
              <input id="input_hostile" label="Who">
                <inputExpression id="inputExpression_hostile" typeRef="string" expressionLanguage="juel">
                  <text>${execution.getProcessEngineServices().getIdentityService()}</text>
                </inputExpression>
              </input>
              <output id="output_hostile" name="result" typeRef="string" />
            </decisionTable>
          </decision>
        </definitions>
        """;
    assertRefused(
        Map.of("hostile.dmn", table.strip().getBytes(StandardCharsets.UTF_8)),
        "inputExpression_hostile",
        "juel");
  }

  @Test
  void an_html_resource_is_refused_even_beside_a_good_model() throws IOException {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    resources.put(
        "ehc-smoke-test.bpmn",
        renamedProcess(read("models/changes/smoke-v2-renamed.bpmn"), "boundary-html"));
    resources.put("form.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    assertRefused(resources, "form.html", ".bpmn, .dmn and .form");
  }

  @Test
  void a_legitimate_change_with_its_form_deploys() throws IOException {
    long before = repository.createDeploymentQuery().count();
    Map<String, byte[]> resources = new LinkedHashMap<>();
    resources.put(
        "ehc-smoke-test.bpmn",
        renamedProcess(read("models/changes/smoke-v2-renamed.bpmn"), "boundary-legitimate"));
    resources.put("review-test-case.form", read("models/review-test-case.form"));

    ResponseEntity<Map<String, Object>> answer = deploy("owner", resources);

    assertThat(answer.getStatusCode())
        .as(String.valueOf(answer.getBody()))
        .isEqualTo(HttpStatus.OK);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before + 1);
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("boundary-legitimate")
                .count())
        .isEqualTo(1);
  }

  @Test
  void the_same_hostile_model_deployed_by_an_administrator_is_accepted() {
    long before = repository.createDeploymentQuery().count();

    ResponseEntity<Map<String, Object>> answer =
        deploy(
            "admin",
            Map.of(
                "admin-trusted.bpmn",
                bpmn(serviceTaskWithExpression("boundary-admin-trusted", MAKE_ME_ADMIN))));

    assertThat(answer.getStatusCode())
        .as(String.valueOf(answer.getBody()))
        .isEqualTo(HttpStatus.OK);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before + 1);
  }

  @Test
  void even_a_trusted_model_reaches_no_bean_outside_the_allow_list_when_it_runs() {
    repository
        .createDeployment()
        .name("boundary-runtime")
        .addModelInstance(
            "runtime.bpmn",
            serviceTaskWithExpression(
                "boundary-runtime", "${identityService.createMembership('owner','camunda-admin')}"))
        .deploy();

    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("boundary-runtime"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("identityService");
    assertThat(identity.createUserQuery().userId("owner").memberOfGroup("camunda-admin").count())
        .isZero();
    assertThat(
            runtime.createProcessInstanceQuery().processDefinitionKey("boundary-runtime").count())
        .isZero();
  }

  @Test
  void every_shipped_model_and_every_model_a_test_deploys_as_owner_passes_the_check()
      throws IOException {
    List<Path> files;
    try (Stream<Path> processes = Files.walk(Path.of("processes"));
        Stream<Path> forms = Files.walk(Path.of("forms"));
        Stream<Path> testModels = Files.walk(Path.of("application/src/test/resources/models"))) {
      files =
          Stream.concat(Stream.concat(processes, forms), testModels)
              .filter(Files::isRegularFile)
              .filter(file -> !file.toString().contains("broken"))
              .sorted()
              .toList();
    }
    assertThat(files).hasSizeGreaterThan(20);

    Map<String, Object> refusals = new TreeMap<>();
    for (Path file : files) {
      List<ModelContentCheck.Refusal> found =
          content.check(file.getFileName().toString(), Files.readAllBytes(file));
      if (!found.isEmpty()) {
        refusals.put(file.toString(), found);
      }
    }

    assertThat(refusals).isEmpty();
  }

  @Test
  void the_model_check_refuses_every_construct_that_runs_code_naming_its_element() {
    record Case(String resource, String content, String elementId, String reason) {}
    List<Case> cases =
        List.of(
            new Case(
                "form-key.bpmn",
                process(
                    "<userTask id=\"userTask_x\" camunda:formKey=\"embedded:deployment:form.html\"/>"),
                "userTask_x",
                "embedded"),
            new Case(
                "connector.bpmn",
                process(
                    "<serviceTask id=\"serviceTask_x\"><extensionElements><camunda:connector>"
                        + "<camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></extensionElements></serviceTask>"),
                "serviceTask_x",
                "connector"),
            new Case(
                "field.bpmn",
                process(
                    "<serviceTask id=\"serviceTask_x\" camunda:delegateExpression=\"${sendNoticeDelegate}\">"
                        + "<extensionElements><camunda:field name=\"templates\" stringValue=\"/etc\"/></extensionElements></serviceTask>"),
                "serviceTask_x",
                "camunda:field"),
            new Case(
                "activiti.bpmn",
                process("<serviceTask id=\"serviceTask_x\" activiti:class=\"java.lang.Object\"/>"),
                "serviceTask_x",
                "activiti:class"),
            new Case(
                "condition.bpmn",
                process(
                    "<sequenceFlow id=\"flow_x\" sourceRef=\"a\" targetRef=\"b\">"
                        + "<conditionExpression language=\"groovy\">true</conditionExpression></sequenceFlow>"),
                "flow_x",
                "language"),
            new Case(
                "listener.bpmn",
                process(
                    "<serviceTask id=\"serviceTask_x\" camunda:expression=\"${x}\"><extensionElements>"
                        + "<camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\" resource=\"deployment://x.groovy\"/>"
                        + "</camunda:executionListener></extensionElements></serviceTask>"),
                "serviceTask_x",
                "script"),
            new Case(
                "validator.bpmn",
                process(
                    "<userTask id=\"userTask_x\"><extensionElements><camunda:formData>"
                        + "<camunda:formField id=\"f\" type=\"string\"><camunda:validation><camunda:constraint name=\"validator\" "
                        + "config=\"com.example.Validator\"/></camunda:validation></camunda:formField></camunda:formData></extensionElements>"
                        + "</userTask>"),
                "userTask_x",
                "validator"),
            new Case(
                "groups.bpmn",
                process(
                    "<userTask id=\"userTask_x\" "
                        + "camunda:candidateGroups=\"${runtimeService.createProcessInstanceQuery().list()}\"/>"),
                "userTask_x",
                "runtimeService"),
            new Case(
                "timer.bpmn",
                process(
                    "<intermediateCatchEvent id=\"timer_x\"><timerEventDefinition>"
                        + "<timeDate>${execution.getProcessEngine()}</timeDate></timerEventDefinition></intermediateCatchEvent>"),
                "timer_x",
                "getProcessEngine"),
            new Case(
                "parameter.bpmn",
                process(
                    "<userTask id=\"userTask_x\"><extensionElements><camunda:inputOutput>"
                        + "<camunda:inputParameter name=\"a\"><camunda:list><camunda:value>${task.getExecution()}</camunda:value>"
                        + "</camunda:list></camunda:inputParameter></camunda:inputOutput></extensionElements></userTask>"),
                "userTask_x",
                "getExecution"),
            new Case(
                "unreadable.bpmn",
                process(
                    "<userTask id=\"userTask_x\"><documentation>${broken(</documentation></userTask>"),
                "userTask_x",
                "not an expression"),
            new Case(
                "javascript.dmn",
                decision(
                    "expressionLanguage=\"javascript\"",
                    "<literalExpression id=\"literal_x\">" + "<text>1</text></literalExpression>"),
                "definitions_x",
                "javascript"),
            new Case(
                "external.dmn",
                decision(
                    "",
                    "<literalExpression id=\"literal_x\"><text>function(x) external "
                        + "{ java: { class: \"java.lang.System\", method signature: \"exit(int)\" } }</text></literalExpression>"),
                "literal_x",
                "external"),
            new Case(
                "groovy.dmn",
                decision(
                    "",
                    "<decisionTable id=\"table_x\"><output id=\"output_x\" name=\"o\"/>"
                        + "<rule id=\"rule_x\"><outputEntry id=\"entry_x\" expressionLanguage=\"groovy\"><text>1</text></outputEntry>"
                        + "</rule></decisionTable>"),
                "entry_x",
                "groovy"),
            new Case("case.cmmn", "<definitions/>", null, ".bpmn, .dmn and .form"),
            new Case("script.js", "java.lang.System.exit(1)", null, ".bpmn, .dmn and .form"),
            new Case(
                "entities.bpmn",
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><d>&e;</d>",
                null,
                "not well-formed"));

    for (Case refused : cases) {
      List<ModelContentCheck.Refusal> found =
          content.check(refused.resource(), refused.content().getBytes(StandardCharsets.UTF_8));
      assertThat(found)
          .as(refused.resource())
          .anySatisfy(
              refusal -> {
                assertThat(refusal.elementId()).isEqualTo(refused.elementId());
                assertThat(refusal.getMessage())
                    .contains(refused.resource())
                    .contains(refused.reason());
              });
    }
  }

  @Test
  void the_expression_check_allows_case_values_operators_and_published_beans_only() {
    assertThat(expressions.refusal("${sendNoticeDelegate}", true))
        .as("a delegate in a delegate expression")
        .isEmpty();
    assertThat(expressions.refusal("${sendNoticeDelegate}", false))
        .as("the delegate stored as a value")
        .isPresent();
    assertThat(expressions.refusal("${deadlines}", true))
        .as("a helper is not a delegate")
        .isPresent();
    assertThat(expressions.refusal("${identityService}", true))
        .as("a bean outside the list")
        .isPresent();
    List<String> allowed =
        List.of(
            "${parentEmail}",
            "${triageRecommendationResult.triageRecommendation}",
            "${reviewDecision == 'maintain'}",
            "${!planRunsToNextReview}",
            "${parentInfoNeeded and not empty execution.getVariable('parentEmail')}",
            "${execution.setVariable('parentResponded', true)}",
            "${execution.hasVariableLocal('x') ? execution.getVariableLocal('x') : task.getVariable('y')}",
            "${execution.getBusinessKey()} and ${execution.getProcessBusinessKey()}",
            "${deadlines.dueOn(adviceDue)}",
            "${deadlines.finalPlanOverdue(execution.getVariable('requestReceivedDate'))}",
            "${mailboxes.both(parentEmail, 'education-setting')}",
            "${adviceRequests[0].group}",
            "${adviceRequests[0]['adviceLabel']}",
            "${count + 1 > 3 || count mod 2 == 0}",
            "${now()}",
            "#{reminderDueAt}",
            "P10D",
            "plain text with a $ sign");
    List<String> refused =
        List.of(
            MAKE_ME_ADMIN,
            "${execution.getProcessEngine()}",
            "${execution.processEngineServices}",
            "${task.getExecution()}",
            "${execution}",
            "${externalTask}",
            "${identityService}",
            "${runtimeService.createProcessInstanceQuery()}",
            "${processEngine}",
            "${parentEmail.getClass()}",
            "${parentEmail.class}",
            "${parentEmail['class']}",
            "${parentEmail.class.classLoader}",
            "${parentEmail.module}",
            "${parentEmail[key]}",
            "${parentEmail.toLowerCase()}",
            "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}",
            "${deadlines.getClass()}",
            "${deadlines.targets}",
            "${sendNoticeDelegate.execute(execution)}",
            "${execution['getProcessEngineServices']()}",
            "${currentUser()}",
            "${fn:exec('id')}",
            "${mailboxes.both(execution.getProcessEngineServices(), 'x')}",
            "${deadlines.dueOn(execution)}",
            "${execution.setVariable('stored', deadlines)}",
            "${deadlines.dueOn(sendNoticeDelegate)}",
            "${broken(");

    Map<String, String> wronglyRefused = new LinkedHashMap<>();
    allowed.forEach(
        text -> expressions.refusal(text).ifPresent(reason -> wronglyRefused.put(text, reason)));
    List<String> wronglyAllowed =
        refused.stream().filter(text -> expressions.refusal(text).isEmpty()).toList();

    assertThat(wronglyRefused).as("allowed expressions refused").isEmpty();
    assertThat(wronglyAllowed).as("hostile expressions allowed").isEmpty();
  }

  @Test
  void the_beans_listed_in_the_model_rules_are_the_beans_the_check_allows() throws IOException {
    String doc = Files.readString(Path.of("docs/model-rules.md"));
    Pattern row =
        Pattern.compile(
            "^\\| `([A-Za-z0-9]+)` \\| (delegate or listener|helper) \\| (.*) \\|$",
            Pattern.MULTILINE);
    Map<String, TreeSet<String>> documented = new TreeMap<>();
    Matcher rows = row.matcher(doc);
    while (rows.find()) {
      TreeSet<String> methods = new TreeSet<>();
      Matcher method = Pattern.compile("`([A-Za-z0-9]+)\\(").matcher(rows.group(3));
      while (method.find()) {
        methods.add(method.group(1));
      }
      documented.put(rows.group(1), methods);
    }

    Map<String, TreeSet<String>> inCode = new TreeMap<>();
    beans.delegates().forEach(name -> inCode.put(name, new TreeSet<>()));
    beans.helpers().forEach((name, methods) -> inCode.put(name, new TreeSet<>(methods)));

    assertThat(documented).isEqualTo(inCode);
  }

  private void assertRefused(Map<String, byte[]> resources, String elementId, String reason) {
    long before = repository.createDeploymentQuery().count();

    ResponseEntity<Map<String, Object>> answer = deploy("owner", resources);

    assertThat(answer.getStatusCode())
        .as(String.valueOf(answer.getBody()))
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(String.valueOf(answer.getBody().get("message")))
        .contains(elementId)
        .contains(reason);
    assertThat(repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(before);
    assertThat(identity.createUserQuery().userId("owner").memberOfGroup("camunda-admin").count())
        .as("owner is still not an administrator")
        .isZero();
  }

  private ResponseEntity<Map<String, Object>> deploy(String user, Map<String, byte[]> resources) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "boundary-" + System.nanoTime());
    parts.add("deployment-source", "process-owner");
    resources.forEach(
        (name, bytes) ->
            parts.add(
                name,
                new ByteArrayResource(bytes) {
                  @Override
                  public String getFilename() {
                    return name;
                  }
                }));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, "demo")
        .exchange(
            "/engine-rest/deployment/create",
            HttpMethod.POST,
            new HttpEntity<>(parts, headers),
            JSON);
  }

  private static String process(String body) {
    return """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     xmlns:activiti="http://activiti.org/bpmn" id="definitions_x" targetNamespace="https://ehcflow.org/test">
          <process id="process_x" isExecutable="true" camunda:historyTimeToLive="30">%s</process>
        </definitions>
        """
        .formatted(body);
  }

  private static String decision(String definitionsAttributes, String body) {
    return """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="definitions_x" name="x"
                     namespace="https://ehcflow.org/dmn" %s>
          <decision id="decision_x" name="x">%s</decision>
        </definitions>
        """
        .formatted(definitionsAttributes, body);
  }

  private static BpmnModelInstance serviceTaskWithExpression(String key, String expression) {
    return Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(30)
        .startEvent()
        .serviceTask("serviceTask_hostile")
        .camundaExpression(expression)
        .endEvent()
        .done();
  }

  private static byte[] bpmn(BpmnModelInstance model) {
    return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A copy of a test model under its own key, so other tests starting the smoke model never meet
   * it.
   */
  private static byte[] renamedProcess(byte[] model, String key) {
    return new String(model, StandardCharsets.UTF_8)
        .replace("\"ehc-smoke-test\"", "\"" + key + "\"")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] read(String classpath) throws IOException {
    return new ClassPathResource(classpath).getContentAsByteArray();
  }
}
