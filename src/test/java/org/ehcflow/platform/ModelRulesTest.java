package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.ehcflow.assessment.AssessmentProcess;
import org.ehcflow.assessment.CaseEventProcess;
import org.ehcflow.phasetransfer.PhaseTransferCohortProcess;
import org.ehcflow.phasetransfer.PhaseTransferProcess;
import org.ehcflow.review.AnnualReviewProcess;
import org.ehcflow.section23.Section23Process;
import org.junit.jupiter.api.Test;

/**
 * The project's own rules for models and forms, which a process owner's change must keep: the
 * engine would accept a model that breaks them, but the people and reports relying on it would not.
 */
class ModelRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Each process's declared variables: the contract classes are the one place they are named. */
  private static final Map<String, Class<?>> CONTRACTS = Map.of(
      AssessmentProcess.KEY, AssessmentProcess.class,
      CaseEventProcess.KEY, CaseEventProcess.class,
      Section23Process.KEY, Section23Process.class,
      PhaseTransferProcess.KEY, PhaseTransferProcess.class,
      PhaseTransferCohortProcess.KEY, PhaseTransferCohortProcess.class,
      AnnualReviewProcess.KEY, AnnualReviewProcess.class);

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

  @Test
  void every_user_task_has_a_candidate_group_and_a_form_bound_by_deployment_that_exists() throws IOException {
    Map<String, JsonNode> forms = formsById();
    for (Path file : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String where = file.getFileName() + " " + task.getId();
        assertThat(task.getCamundaCandidateGroups()).as(where + " candidate group").isNotBlank();
        assertThat(task.getCamundaFormRef()).as(where + " form").isNotBlank();
        assertThat(task.getCamundaFormRefBinding()).as(where + " form binding").isEqualTo("deployment");
        assertThat(forms).as(where + " form exists").containsKey(task.getCamundaFormRef());
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          assertThat(forms).as(start.getId() + " start form exists").containsKey(start.getCamundaFormRef());
        }
      }
    }
  }

  @Test
  void every_element_has_a_business_id_and_a_name_and_no_model_uses_camunda_class() throws IOException {
    for (Path file : files("processes", ".bpmn")) {
      String xml = Files.readString(file);
      assertThat(xml).as(file + " uses camunda:class").doesNotContain("camunda:class=");
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        assertThat(node.getId()).as(file.getFileName() + " id")
            .matches("(startEvent|endEvent|userTask|serviceTask|businessRuleTask|sendTask|exclusiveGateway|"
                + "parallelGateway|eventBasedGateway|boundaryEvent|subProcess|eventSubProcess|timerEvent|"
                + "messageEvent|callActivity)_[a-z][A-Za-z0-9]+");
        assertThat(node.getName()).as(file.getFileName() + " " + node.getId() + " name").isNotBlank();
      }
    }
  }

  @Test
  void every_process_and_decision_has_a_history_time_to_live() throws IOException {
    for (Path file : files("processes", ".bpmn")) {
      for (Process process : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)) {
        assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
      }
    }
    for (Path file : files("processes", ".dmn")) {
      for (Decision decision : Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)) {
        assertThat(decision.getCamundaHistoryTimeToLiveString()).as(decision.getId()).isNotBlank();
      }
    }
  }

  @Test
  void every_timer_and_due_date_comes_from_the_statutory_clock_never_a_literal() throws IOException {
    for (Path file : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
        String expression = timer.getTimeDate() != null ? timer.getTimeDate().getTextContent()
            : timer.getTimeDuration() != null ? timer.getTimeDuration().getTextContent()
            : timer.getTimeCycle().getTextContent();
        assertThat(expression).as(file.getFileName() + " " + timer.getId()).startsWith("${deadlines.");
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        if (task.getCamundaDueDate() != null) {
          assertThat(task.getCamundaDueDate()).as(task.getId()).startsWith("${deadlines.");
        }
      }
    }
  }

  @Test
  void each_forms_field_keys_and_each_decision_tables_inputs_are_variables_the_process_declares() throws Exception {
    Map<String, JsonNode> forms = formsById();
    Map<String, Set<String>> decisionInputs = decisionInputs();
    for (Map.Entry<String, Class<?>> contract : CONTRACTS.entrySet()) {
      Set<String> declared = declaredVariables(contract.getValue());
      BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", contract.getKey() + ".bpmn").toFile());
      List<String> formIds = new ArrayList<>();
      model.getModelElementsByType(UserTask.class).forEach(task -> formIds.add(task.getCamundaFormRef()));
      model.getModelElementsByType(StartEvent.class).stream().filter(start -> start.getCamundaFormRef() != null)
          .forEach(start -> formIds.add(start.getCamundaFormRef()));
      for (String formId : formIds) {
        for (JsonNode component : forms.get(formId).get("components")) {
          if (component.hasNonNull("key")) {
            assertThat(declared).as(formId + " field " + component.get("key").asText())
                .contains(component.get("key").asText());
          }
        }
      }
      for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
        assertThat(declared).as(task.getCamundaDecisionRef() + " inputs")
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
        decision.getChildElementsByType(org.camunda.bpm.model.dmn.instance.DecisionTable.class)
            .forEach(table -> table.getInputs().forEach(input -> {
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
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Set.class) {
        ((Set<?>) field.get(null)).forEach(name -> names.add(name.toString()));
      }
    }
    for (Class<?> nested : contract.getDeclaredClasses()) {
      if (nested.getSimpleName().equals("Elements") || nested.getSimpleName().equals("Messages")) {
        continue;
      }
      for (Field field : nested.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
          names.add((String) field.get(null));
        }
      }
    }
    return names;
  }
}
