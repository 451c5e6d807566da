package org.ehcflow;

import java.util.TimeZone;

import org.ehcflow.simulation.SimulationCommand;
import org.ehcflow.statutory.StatutoryClock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EhcFlowApplication {

  public static void main(String[] args) {
    // Statutory dates are Europe/London calendar dates; the engine's timers and due dates must agree.
    TimeZone.setDefault(TimeZone.getTimeZone(StatutoryClock.ZONE));
    if (args.length > 0 && args[0].equals("simulate")) {
      SimulationCommand.main(args);
      return;
    }
    SpringApplication.run(EhcFlowApplication.class, args);
  }
}
