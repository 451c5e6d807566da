package org.ehcflow.platform;

import java.util.List;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Adds the project's providers to the engine's REST API ({@code /engine-rest}) and to the web apps'
 * own copy of it ({@code /camunda/api/engine}, which Tasklist and Cockpit call), so a person in
 * Tasklist gets the same answers as a client of the REST API.
 */
@Component
public class RestApiCustomizer implements ResourceConfigCustomizer {

  static final List<Class<?>> PROVIDERS =
      List.of(
          CaseDataExceptionMapper.class,
          OptimisticLockingExceptionMapper.class,
          UncheckedNullExceptionMapper.class,
          UnreadableJsonExceptionMapper.class);

  public RestApiCustomizer() {
    // The web apps build their engine API from Camunda's own set of providers when their servlet
    // starts, after the application's beans; there is no other way to add a provider to it.
    CamundaRestResources.getConfigurationClasses().addAll(PROVIDERS);
  }

  @Override
  public void customize(ResourceConfig config) {
    PROVIDERS.forEach(
        provider -> {
          if (!config.isRegistered(provider)) {
            config.register(provider);
          }
        });
  }
}
