package org.ehcflow;

import java.util.TimeZone;
import org.ehcflow.statutory.StatutoryClock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EhcFlowApplication {

  public static void main(String[] args) {
    // Statutory dates are Europe/London calendar dates; the engine's timers and due dates must
    // agree.
    TimeZone.setDefault(TimeZone.getTimeZone(StatutoryClock.ZONE));
    SpringApplication.run(EhcFlowApplication.class, args);
  }
}
