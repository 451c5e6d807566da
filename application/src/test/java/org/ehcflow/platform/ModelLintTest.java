package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The lint the build runs over {@code processes/} (bpmnlint with the Camunda 7.24 rules, and
 * dmnlint) passes on the models and fails on a deliberately broken one.
 */
@Tag("node")
class ModelLintTest {

  record Result(int exitCode, String output) {}

  static Result lint(String path) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("node", "tools/models/lint.mjs", path).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("lint finished").isTrue();
    return new Result(process.exitValue(), output);
  }

  @Test
  void every_model_in_processes_passes_the_lint() throws Exception {
    Result result = lint("processes");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("no problems");
  }

  @Test
  void a_deliberately_broken_model_fails_the_lint_naming_its_problems() throws Exception {
    Result result = lint("application/src/test/resources/models/broken/lint-fixture.bpmn");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output())
        .contains("no-disconnected")
        .contains("label-required")
        .contains("problems found");
  }
}
