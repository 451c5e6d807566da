package org.ehcflow.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ehcflow.EhcFlowApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the real application as its own main method would, for tests that stop and restart it on
 * the same database.
 */
public final class AppRunner {

  private AppRunner() {}

  public static ConfigurableApplicationContext start(
      Map<String, Object> properties, String... profiles) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--camunda.bpm.job-execution.enabled=false");
    properties.forEach((key, value) -> args.add("--" + key + "=" + value));
    return new SpringApplicationBuilder(EhcFlowApplication.class)
        .profiles(profiles)
        .run(args.toArray(String[]::new));
  }
}
