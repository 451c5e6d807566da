package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.Resource;
import org.ehcflow.support.EhcIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every model and form a process owner can change deploys together, as the application deploys
 * them, and a model the engine would refuse fails here first.
 */
@EhcIntegrationTest
class ModelDeploymentTest {

  @Autowired RepositoryService repository;

  @Test
  void every_model_and_form_deploys_in_one_deployment() throws IOException {
    List<Path> files = modelFiles();
    DeploymentBuilder builder =
        repository.createDeployment().name("all-models-" + System.nanoTime());
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        builder.addInputStream(file.getFileName().toString(), in);
      }
    }
    // Until every pathway exists, the platform's own small model stands in for them.
    builder
        .addClasspathResource("models/ehc-smoke-test.bpmn")
        .addClasspathResource("models/review-test-case.form");

    Deployment deployment = builder.deploy();

    List<String> deployed =
        repository.getDeploymentResources(deployment.getId()).stream()
            .map(Resource::getName)
            .toList();
    assertThat(deployed)
        .containsAll(files.stream().map(file -> file.getFileName().toString()).toList());
    long bpmnFiles = files.stream().filter(file -> file.toString().endsWith(".bpmn")).count();
    assertThat(repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).count())
        .isGreaterThanOrEqualTo(bpmnFiles + 1);
    repository
        .createProcessDefinitionQuery()
        .deploymentId(deployment.getId())
        .list()
        .forEach(
            definition ->
                assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isNotNull());
    repository
        .createDecisionDefinitionQuery()
        .deploymentId(deployment.getId())
        .list()
        .forEach(
            definition ->
                assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isNotNull());
  }

  @Test
  void the_application_deploys_the_models_and_forms_folders_from_its_classpath()
      throws IOException {
    List<String> autoDeployed =
        repository.createDeploymentQuery().list().stream()
            .flatMap(deployment -> repository.getDeploymentResources(deployment.getId()).stream())
            .map(Resource::getName)
            .toList();
    for (Path file : modelFiles()) {
      String relative = Path.of("").toAbsolutePath().relativize(file.toAbsolutePath()).toString();
      assertThat(autoDeployed)
          .as("auto-deployed " + relative)
          .anyMatch(name -> name.endsWith(file.getFileName().toString()));
    }
  }

  @Test
  void a_model_without_a_history_time_to_live_is_refused() {
    assertThatThrownBy(
            () ->
                repository
                    .createDeployment()
                    .name("no-retention")
                    .addClasspathResource("models/broken/no-history-ttl.bpmn")
                    .deploy())
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("History Time To Live");
    assertThat(repository.createDeploymentQuery().deploymentName("no-retention").count()).isZero();
  }

  private static List<Path> modelFiles() throws IOException {
    try (Stream<Path> processes = Files.walk(Path.of("processes"));
        Stream<Path> forms = Files.walk(Path.of("forms"))) {
      return Stream.concat(processes, forms)
          .filter(Files::isRegularFile)
          .filter(file -> file.toString().matches(".*\\.(bpmn|dmn|form)$"))
          .sorted()
          .toList();
    }
  }
}
