package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pictures of the models in {@code docs/diagrams} are drawn from the models as they are: the
 * renderer ({@code ./mvnw -Pdiagrams process-resources}, which needs Node and Chromium) writes the
 * SHA-256 of each model beside its pictures, and this test, which needs only Java, fails naming
 * each model changed since, so a process owner's change cannot land with an old picture.
 */
class DiagramsFreshTest {

  static final Path MODELS = Path.of("processes");
  static final Path DIAGRAMS = Path.of("docs", "diagrams");

  @TempDir Path temporary;

  @Test
  void every_model_in_processes_has_pictures_drawn_from_its_current_content() {
    List<String> stale = staleModels(MODELS, DIAGRAMS);

    assertThat(stale)
        .as(
            "models changed since docs/diagrams was drawn: run ./mvnw -Pdiagrams process-resources"
                + " and commit docs/diagrams")
        .isEmpty();
    for (Path model : models(MODELS)) {
      String base = model.getFileName().toString().replaceFirst("\\.(bpmn|dmn)$", "");
      try (Stream<Path> pictures = Files.list(DIAGRAMS)) {
        assertThat(
                pictures
                    .map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith(base) && name.endsWith(".png")))
            .as("a picture of " + model)
            .isNotEmpty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Test
  void a_model_changed_after_its_pictures_were_drawn_is_named() throws IOException {
    Path models = Files.createDirectories(temporary.resolve("processes"));
    Path diagrams = Files.createDirectories(temporary.resolve("diagrams"));
    Files.copy(
        MODELS.resolve("ehc-needs-assessment.bpmn"), models.resolve("ehc-needs-assessment.bpmn"));
    Files.copy(
        DIAGRAMS.resolve("ehc-needs-assessment.bpmn.sha256"),
        diagrams.resolve("ehc-needs-assessment.bpmn.sha256"));
    Files.copy(MODELS.resolve("review-outcome.dmn"), models.resolve("review-outcome.dmn"));
    assertThat(staleModels(models, diagrams)).containsExactly("review-outcome.dmn (never drawn)");

    Files.copy(
        DIAGRAMS.resolve("review-outcome.dmn.sha256"),
        diagrams.resolve("review-outcome.dmn.sha256"));
    assertThat(staleModels(models, diagrams)).isEmpty();

    Path model = models.resolve("ehc-needs-assessment.bpmn");
    Files.writeString(
        model,
        Files.readString(model)
            .replace(
                "Caseworker: summarise the advice", "Caseworker: summarise the advice received"));
    assertThat(staleModels(models, diagrams))
        .containsExactly("ehc-needs-assessment.bpmn (changed since drawn)");
  }

  /** Each model whose recorded hash is missing or differs from its content, with why. */
  static List<String> staleModels(Path modelsDir, Path diagramsDir) {
    List<String> stale = new ArrayList<>();
    for (Path model : models(modelsDir)) {
      String name = model.getFileName().toString();
      Path recorded = diagramsDir.resolve(name + ".sha256");
      try {
        if (!Files.exists(recorded)) {
          stale.add(name + " (never drawn)");
        } else if (!Files.readString(recorded, StandardCharsets.US_ASCII)
            .strip()
            .equals(sha256(Files.readAllBytes(model)))) {
          stale.add(name + " (changed since drawn)");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return stale;
  }

  private static List<Path> models(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(path -> path.toString().endsWith(".bpmn") || path.toString().endsWith(".dmn"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
