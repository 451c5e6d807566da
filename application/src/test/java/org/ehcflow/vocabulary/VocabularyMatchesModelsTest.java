package org.ehcflow.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ehcflow.vocabulary.ModelVocabularyCheck.CodeList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vocabulary's code lists are the values the models use (issue 23, item 2): for every variable
 * the {@code *Variables} classes declare with {@code Variable.code(name, list)},
 *
 * <ul>
 *   <li>a form offering options for it offers exactly the list's codes, in its order;
 *   <li>a BPMN expression compares it with, or sets it to, only codes of the list; an exclusive
 *       gateway deciding on it alone, without a default flow, has a branch for every code;
 *   <li>a decision table testing it as an input, or giving it as an output, names only codes of the
 *       list.
 * </ul>
 *
 * A form offering options for a variable the vocabulary does not declare as a code list fails too,
 * so a new code list is declared before a form uses it. A process owner adding a value in one place
 * only gets a failure naming the file, the variable and the value.
 */
class VocabularyMatchesModelsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void the_models_use_exactly_the_vocabularys_code_lists() {
    ModelVocabularyCheck check = ModelVocabularyCheck.ofTheApplication();

    List<String> problems = check.problems();

    check.checked().forEach((variable, places) -> System.out.println(variable + ": " + places));
    assertThat(problems)
        .as(
            "the models and the vocabulary (org.ehcflow.vocabulary) disagree; change the enum or the model:%n  %s",
            String.join("\n  ", problems))
        .isEmpty();
  }

  @Test
  void the_check_reads_the_declarations_and_finds_the_models() {
    Map<String, CodeList> declared = ModelVocabularyCheck.declaredCodeVariables();
    assertThat(declared.get("assessDecision").name()).isEqualTo("AssessDecision");
    assertThat(declared.get("triageRecommendation").name()).isEqualTo("TriageOutcome");
    assertThat(declared.get("settingPhase").name()).isEqualTo("SettingPhase");
    assertThat(declared.get("transferType").name()).isEqualTo("TransferType");
    assertThat(declared.get("reusedAdvice").codes()).isEqualTo(Code.codes(AdviceKind.class));

    ModelVocabularyCheck check = ModelVocabularyCheck.ofTheApplication();
    check.problems();
    // A moved folder or a broken reader would otherwise pass by checking nothing.
    assertThat(check.checked().get("reviewDecision"))
        .anyMatch(place -> place.startsWith("decide-review-outcome.form"))
        .anyMatch(place -> place.startsWith("ehc-annual-review.bpmn gateway"));
    assertThat(check.checked().get("reviewRecommendation"))
        .anyMatch(place -> place.startsWith("review-outcome.dmn"));
    assertThat(check.checked().get("settingPhase"))
        .anyMatch(place -> place.startsWith("phase-transfer-cohort.dmn"));
  }

  // A process owner's change in one place only -------------------------------------------------

  @Test
  void an_option_added_to_a_form_only_is_reported_naming_the_form(@TempDir Path temp)
      throws IOException {
    Path forms = copy(Path.of("forms"), temp.resolve("forms"));
    Path processes = copy(Path.of("processes"), temp.resolve("processes"));
    Path form = forms.resolve("decide-whether-to-assess.form");
    editForm(
        form,
        "assessDecision",
        options -> options.addObject().put("label", "Defer to panel").put("value", "defer"));

    List<String> problems = check(forms, processes);

    assertThat(problems)
        .anySatisfy(
            problem ->
                assertThat(problem)
                    .contains(form.toString())
                    .contains("'assessDecision'")
                    .contains("[defer]")
                    .contains("AssessDecision"));
  }

  @Test
  void an_option_missing_from_a_form_is_reported_naming_the_form(@TempDir Path temp)
      throws IOException {
    Path forms = copy(Path.of("forms"), temp.resolve("forms"));
    Path processes = copy(Path.of("processes"), temp.resolve("processes"));
    Path form = forms.resolve("decide-review-outcome.form");
    editForm(form, "reviewDecision", options -> options.remove(options.size() - 1));

    List<String> problems = check(forms, processes);

    assertThat(problems)
        .anySatisfy(
            problem ->
                assertThat(problem)
                    .contains(form.toString())
                    .contains("'reviewDecision'")
                    .contains("does not offer [cease]"));
  }

  @Test
  void options_for_a_variable_not_declared_as_a_code_list_are_reported(@TempDir Path temp)
      throws IOException {
    Path forms = copy(Path.of("forms"), temp.resolve("forms"));
    Path processes = copy(Path.of("processes"), temp.resolve("processes"));
    Path form = forms.resolve("decide-whether-to-assess.form");
    ObjectNode tree = (ObjectNode) JSON.readTree(form.toFile());
    ObjectNode select =
        ((ArrayNode) tree.get("components"))
            .addObject()
            .put("type", "select")
            .put("key", "panelMood")
            .put("label", "Panel mood");
    select.putArray("values").addObject().put("label", "Calm").put("value", "calm");
    JSON.writerWithDefaultPrettyPrinter().writeValue(form.toFile(), tree);

    List<String> problems = check(forms, processes);

    assertThat(problems)
        .anySatisfy(
            problem ->
                assertThat(problem)
                    .contains(form.toString())
                    .contains("'panelMood'")
                    .contains("does not declare"));
  }

  @Test
  void a_value_added_to_a_process_condition_only_is_reported_naming_the_process(@TempDir Path temp)
      throws IOException {
    Path forms = copy(Path.of("forms"), temp.resolve("forms"));
    Path processes = copy(Path.of("processes"), temp.resolve("processes"));
    Path process = processes.resolve("ehc-annual-review.bpmn");
    replace(
        process,
        "${reviewDecision == 'cease'}",
        "${reviewDecision == 'cease' or reviewDecision == 'suspend'}");

    List<String> problems = check(forms, processes);

    assertThat(problems)
        .anySatisfy(
            problem ->
                assertThat(problem)
                    .contains(process.toString())
                    .contains("flow_cease")
                    .contains("'reviewDecision'")
                    .contains("'suspend'")
                    .contains("ReviewDecision"));
  }

  @Test
  void a_gateway_without_a_branch_for_a_code_is_reported_naming_the_process(@TempDir Path temp)
      throws IOException {
    Path forms = copy(Path.of("forms"), temp.resolve("forms"));
    Path processes = copy(Path.of("processes"), temp.resolve("processes"));
    Path process = processes.resolve("ehc-cease-plan.bpmn");
    replace(process, "${appealOutcome == 'plan-continues'}", "${appealOutcome == 'cease-upheld'}");

    List<String> problems = check(forms, processes);

    assertThat(problems)
        .anySatisfy(
            problem ->
                assertThat(problem)
                    .contains(process.toString())
                    .contains("exclusiveGateway_appealOutcome")
                    .contains("[plan-continues]"));
  }

  @Test
  void a_value_added_to_a_decision_table_only_is_reported_naming_the_table(@TempDir Path temp)
      throws IOException {
    Path forms = copy(Path.of("forms"), temp.resolve("forms"));
    Path processes = copy(Path.of("processes"), temp.resolve("processes"));
    Path table = processes.resolve("review-outcome.dmn");
    replace(
        table, "<text>&quot;maintain&quot;</text>", "<text>&quot;maintain-lightly&quot;</text>");
    Path triage = processes.resolve("section-23-triage.dmn");
    replace(
        triage,
        "<text>&quot;disability-only&quot;</text>",
        "<text>&quot;disability-only&quot;,&quot;mild&quot;</text>");

    List<String> problems = check(forms, processes);

    assertThat(problems)
        .anySatisfy(
            problem ->
                assertThat(problem)
                    .contains(table.toString())
                    .contains("rule_otherwiseMaintain")
                    .contains("gives reviewRecommendation \"maintain-lightly\""));
    assertThat(problems)
        .anySatisfy(
            problem ->
                assertThat(problem)
                    .contains(triage.toString())
                    .contains("tests concernLevel \"mild\"")
                    .contains("ConcernLevel"));
  }

  // ---------------------------------------------------------------------------------------------

  private static List<String> check(Path forms, Path processes) {
    return new ModelVocabularyCheck(ModelVocabularyCheck.declaredCodeVariables(), forms, processes)
        .problems();
  }

  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
    return to;
  }

  private static void replace(Path file, String text, String replacement) throws IOException {
    String content = Files.readString(file);
    assertThat(content).as("%s contains %s", file, text).contains(text);
    Files.writeString(file, content.replace(text, replacement));
  }

  private static void editForm(Path form, String key, java.util.function.Consumer<ArrayNode> edit)
      throws IOException {
    JsonNode tree = JSON.readTree(form.toFile());
    JsonNode component =
        tree.findParents("key").stream()
            .filter(node -> key.equals(node.path("key").asText()) && node.has("values"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(form + " has no options for " + key));
    edit.accept((ArrayNode) component.get("values"));
    JSON.writerWithDefaultPrettyPrinter().writeValue(form.toFile(), tree);
  }
}
