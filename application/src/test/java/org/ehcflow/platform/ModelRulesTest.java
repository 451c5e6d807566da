package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.ehcflow.notification.NoticeStep;
import org.ehcflow.notification.SendNoticeDelegate;
import org.ehcflow.vocabulary.AnnualReviewVariables;
import org.ehcflow.vocabulary.AssessmentVariables;
import org.ehcflow.vocabulary.CaseEventVariables;
import org.ehcflow.vocabulary.CouncilTransferVariables;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.PhaseTransferCohortVariables;
import org.ehcflow.vocabulary.PhaseTransferVariables;
import org.ehcflow.vocabulary.Section23Variables;
import org.ehcflow.vocabulary.TribunalOrderVariables;
import org.ehcflow.vocabulary.Variable;
import org.junit.jupiter.api.Test;

/**
 * The project's own rules for models and forms, which a process owner's change must keep: the
 * engine would accept a model that breaks them, but the people and reports relying on it would not.
 */
class ModelRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Each process's declared variables: the vocabulary's declarations are the one place they are
   * named.
   */
  private static final Map<String, Class<?>> CONTRACTS =
      Map.of(
          Pathways.NEEDS_ASSESSMENT, AssessmentVariables.class,
          Pathways.CASE_EVENT, CaseEventVariables.class,
          Pathways.SECTION_23_NOTIFICATION, Section23Variables.class,
          Pathways.PHASE_TRANSFER, PhaseTransferVariables.class,
          Pathways.PHASE_TRANSFER_COHORT, PhaseTransferCohortVariables.class,
          Pathways.ANNUAL_REVIEW, AnnualReviewVariables.class,
          Pathways.TRANSFER_OUT, CouncilTransferVariables.class,
          Pathways.TRANSFER_IN, CouncilTransferVariables.class,
          Pathways.TRIBUNAL_ORDER, TribunalOrderVariables.class);

  private static List<Path> files(String folder, String extension) throws IOException {
    try (Stream<Path> paths = Files.walk(Path.of(folder))) {
      return paths.filter(path -> path.toString().endsWith(extension)).sorted().toList();
    }
  }

  private static Map<String, JsonNode> formsById() throws IOException {
    Map<String, JsonNode> forms = new HashMap<>();
    for (Path file : files("forms", ".form")) {
      JsonNode form = JSON.readTree(file.toFile());
      forms.put(form.get("id").asText(), form);
    }
    return forms;
  }

  /** The project's rules for one model, as sentences a process owner can act on. */
  static List<String> violations(Path file, Map<String, JsonNode> forms) throws IOException {
    List<String> problems = new ArrayList<>();
    if (Files.readString(file).contains("camunda:class=")) {
      problems.add("uses camunda:class: wire Java by delegate expression (${...Delegate})");
    }
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.getCamundaHistoryTimeToLiveString() == null) {
        problems.add(process.getId() + ": no historyTimeToLive");
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!node.getId().matches(BUSINESS_ID)) {
        problems.add(
            node.getId()
                + ": not a business id (type prefix and meaning, e.g. userTask_decideWhetherToAssess)");
      }
      if (node.getName() == null || node.getName().isBlank()) {
        problems.add(node.getId() + ": no name");
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
        problems.add(task.getId() + ": no candidate group");
      }
      if (task.getCamundaFormRef() == null) {
        problems.add(task.getId() + ": no form");
      } else if (!forms.containsKey(task.getCamundaFormRef())) {
        problems.add(
            task.getId() + ": form " + task.getCamundaFormRef() + " does not exist in forms/");
      }
      if (task.getCamundaFormRef() != null
          && !"deployment".equals(task.getCamundaFormRefBinding())) {
        problems.add(task.getId() + ": form not bound by deployment");
      }
      if (task.getCamundaDueDate() != null
          && !task.getCamundaDueDate().startsWith("${deadlines.")) {
        problems.add(task.getId() + ": due date not from the statutory clock (${deadlines...})");
      }
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null && !forms.containsKey(start.getCamundaFormRef())) {
        problems.add(
            start.getId()
                + ": start form "
                + start.getCamundaFormRef()
                + " does not exist in forms/");
      }
    }
    for (ServiceTask step : model.getModelElementsByType(ServiceTask.class)) {
      if ("${sendNoticeDelegate}".equals(step.getCamundaDelegateExpression())) {
        problems.addAll(noticeStepProblems(step));
      }
    }
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      String expression =
          timer.getTimeDate() != null
              ? timer.getTimeDate().getTextContent()
              : timer.getTimeDuration() != null
                  ? timer.getTimeDuration().getTextContent()
                  : timer.getTimeCycle().getTextContent();
      if (!expression.startsWith("${deadlines.")) {
        problems.add(
            timer.getId()
                + ": timer '"
                + expression
                + "' not from the statutory clock (${deadlines...})");
      }
    }
    return problems;
  }

  /**
   * A notice step says what it sends in extension properties, which the Modeler shows and which add
   * nothing to a case's variables; the first versions' input parameters are still served for
   * running cases but a changed model must not bring them back.
   */
  private static List<String> noticeStepProblems(ServiceTask step) {
    List<String> problems = new ArrayList<>();
    CamundaInputOutput io =
        step.getExtensionElements() == null
            ? null
            : step
                .getExtensionElements()
                .getElementsQuery()
                .filterByType(CamundaInputOutput.class)
                .list()
                .stream()
                .findFirst()
                .orElse(null);
    if (io != null
        && io.getCamundaInputParameters().stream()
            .anyMatch(
                parameter ->
                    SendNoticeDelegate.FIRST_VERSION_INPUT_PARAMETERS.contains(
                        parameter.getCamundaName()))) {
      problems.add(
          step.getId()
              + ": notice given in input parameters; use the extension properties noticeType"
              + " and recipientVariable, recipientGroup or recipientGroupVariable");
    }
    NoticeStep notice;
    try {
      notice = NoticeStep.of(step);
    } catch (IllegalStateException wrong) {
      problems.add(step.getId() + ": " + wrong.getMessage());
      return problems;
    }
    if (notice.fromInputParameters()) {
      if (problems.isEmpty()) {
        problems.add(step.getId() + ": notice step without the extension property noticeType");
      }
    } else {
      for (String form : List.of(".txt", ".html")) {
        if (!Files.exists(
            Path.of(
                "application/src/main/resources/templates/letters", notice.noticeType() + form))) {
          problems.add(step.getId() + ": no letter template letters/" + notice.noticeType() + form);
        }
      }
    }
    return problems;
  }

  private static final String BUSINESS_ID =
      "(startEvent|endEvent|userTask|serviceTask|businessRuleTask|sendTask|"
          + "exclusiveGateway|parallelGateway|eventBasedGateway|boundaryEvent|subProcess|eventSubProcess|timerEvent|"
          + "messageEvent|callActivity)_[a-z][A-Za-z0-9]+";

  @Test
  void every_model_keeps_the_projects_rules() throws IOException {
    Map<String, JsonNode> forms = formsById();
    for (Path file : files("processes", ".bpmn")) {
      assertThat(violations(file, forms)).as(file.toString()).isEmpty();
    }
  }

  @Test
  void a_deliberately_broken_model_breaks_each_rule_with_a_message() throws IOException {
    List<String> problems =
        violations(
            Path.of("application/src/test/resources/models/broken/rules-fixture.bpmn"),
            formsById());

    assertThat(problems)
        .containsExactlyInAnyOrder(
            "uses camunda:class: wire Java by delegate expression (${...Delegate})",
            "rules-fixture: no historyTimeToLive",
            "UserTask_1: not a business id (type prefix and meaning, e.g. userTask_decideWhetherToAssess)",
            "UserTask_1: no name",
            "UserTask_1: no candidate group",
            "UserTask_1: no form",
            "timer_sixWeeks: timer 'P6W' not from the statutory clock (${deadlines...})",
            "serviceTask_noticeByInputParameters: notice given in input parameters; use the extension properties"
                + " noticeType and recipientVariable, recipientGroup or recipientGroupVariable",
            "serviceTask_noticeWithoutTemplate: no letter template letters/no-such-notice.txt",
            "serviceTask_noticeWithoutTemplate: no letter template letters/no-such-notice.html",
            "serviceTask_noticeWithoutRecipient: The notice step 'serviceTask_noticeWithoutRecipient' names no"
                + " recipient (recipientVariable, recipientGroup or recipientGroupVariable)");
  }

  @Test
  void every_process_and_decision_has_a_history_time_to_live() throws IOException {
    for (Path file : files("processes", ".bpmn")) {
      for (Process process :
          Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)) {
        assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
      }
    }
    for (Path file : files("processes", ".dmn")) {
      for (Decision decision :
          Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)) {
        assertThat(decision.getCamundaHistoryTimeToLiveString()).as(decision.getId()).isNotBlank();
      }
    }
  }

  @Test
  void each_forms_field_keys_and_each_decision_tables_inputs_are_variables_the_process_declares()
      throws Exception {
    Map<String, JsonNode> forms = formsById();
    Map<String, Set<String>> decisionInputs = decisionInputs();
    for (Map.Entry<String, Class<?>> contract : CONTRACTS.entrySet()) {
      Set<String> declared = declaredVariables(contract.getValue());
      BpmnModelInstance model =
          Bpmn.readModelFromFile(Path.of("processes", contract.getKey() + ".bpmn").toFile());
      List<String> formIds = new ArrayList<>();
      model
          .getModelElementsByType(UserTask.class)
          .forEach(task -> formIds.add(task.getCamundaFormRef()));
      model.getModelElementsByType(StartEvent.class).stream()
          .filter(start -> start.getCamundaFormRef() != null)
          .forEach(start -> formIds.add(start.getCamundaFormRef()));
      for (String formId : formIds) {
        for (JsonNode component : forms.get(formId).get("components")) {
          if (component.hasNonNull("key")) {
            assertThat(declared)
                .as(formId + " field " + component.get("key").asText())
                .contains(component.get("key").asText());
          }
        }
      }
      for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
        assertThat(declared)
            .as(task.getCamundaDecisionRef() + " inputs")
            .containsAll(decisionInputs.get(task.getCamundaDecisionRef()));
      }
    }
  }

  private static Map<String, Set<String>> decisionInputs() throws IOException {
    Map<String, Set<String>> inputs = new HashMap<>();
    for (Path file : files("processes", ".dmn")) {
      DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        Set<String> names = new HashSet<>();
        decision
            .getChildElementsByType(org.camunda.bpm.model.dmn.instance.DecisionTable.class)
            .forEach(
                table ->
                    table
                        .getInputs()
                        .forEach(
                            input -> {
                              InputExpression expression = input.getInputExpression();
                              names.add(expression.getText().getTextContent().trim());
                            }));
        inputs.put(decision.getId(), names);
      }
    }
    return inputs;
  }

  private static Set<String> declaredVariables(Class<?> contract) throws IllegalAccessException {
    Set<String> names = new HashSet<>();
    for (Field field : contract.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Variable.class) {
        names.add(((Variable<?>) field.get(null)).name());
      }
    }
    return names;
  }
}
