package org.ehcflow.platform;

import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcflow.statutory.StatutoryClock;

/**
 * Today as the engine sees it. The engine's clock, not the system's, so tests and simulations that
 * move the engine's clock see the same day as the models' timers.
 */
public final class EngineClock {

  private EngineClock() {}

  public static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), StatutoryClock.ZONE);
  }

  public static String todayIso() {
    return today().toString();
  }
}
