package org.ehcflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** No Docker engine runs here, so the council's compose file is checked by parsing it. */
class DockerComposeFileTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> services() throws IOException {
    try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
      Map<String, Object> compose = new Yaml().load(reader);
      return (Map<String, Object>) compose.get("services");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) throws IOException {
    return (Map<String, Object>) services().get(name);
  }

  @Test
  void it_runs_postgres_16_mailpit_and_the_application_built_from_the_repository()
      throws IOException {
    assertThat(services()).containsOnlyKeys("postgres", "mailpit", "ehc-flow");
    assertThat(service("postgres")).containsEntry("image", "postgres:16");
    assertThat((String) service("mailpit").get("image")).startsWith("axllent/mailpit");
    assertThat(service("ehc-flow")).containsEntry("build", ".");
    assertThat(Files.exists(Path.of("Dockerfile"))).isTrue();
  }

  @SuppressWarnings("unchecked")
  @Test
  void the_application_runs_the_postgres_profile_against_the_compose_database_and_mailpit()
      throws IOException {
    Map<String, Object> environment = (Map<String, Object>) service("ehc-flow").get("environment");

    assertThat(environment)
        .containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
        .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/ehc")
        .containsEntry("SMTP_HOST", "mailpit")
        .containsEntry("TZ", "Europe/London");
    assertThat((String) environment.get("EHC_ADMIN_PASSWORD"))
        .as("no default administrator password")
        .startsWith("${EHC_ADMIN_PASSWORD:?");
    Map<String, Object> dependsOn = (Map<String, Object>) service("ehc-flow").get("depends_on");
    assertThat(dependsOn).containsKeys("postgres", "mailpit");
    assertThat((List<String>) service("ehc-flow").get("ports")).contains("8080:8080");
  }
}
