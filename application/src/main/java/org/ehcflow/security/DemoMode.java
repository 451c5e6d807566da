package org.ehcflow.security;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** The embedded demo is the default profile only: any named profile is a real installation. */
final class DemoMode {

  static final String DEMO_PASSWORD = "demo";

  private DemoMode() {}

  static boolean isOn(Environment environment) {
    return environment.getActiveProfiles().length == 0
        && environment.acceptsProfiles(Profiles.of("default"));
  }
}
