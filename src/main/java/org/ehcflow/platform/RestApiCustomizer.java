package org.ehcflow.platform;

import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/** Adds the project's providers to the engine's REST API. */
@Component
public class RestApiCustomizer implements ResourceConfigCustomizer {

  @Override
  public void customize(ResourceConfig config) {
    config.register(CaseDataExceptionMapper.class);
    config.register(OptimisticLockingExceptionMapper.class);
  }
}
