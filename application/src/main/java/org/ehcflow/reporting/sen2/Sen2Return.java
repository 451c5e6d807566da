package org.ehcflow.reporting.sen2;

import java.util.List;
import java.util.Map;

/**
 * The SEN2 return for one period: for each module its rows in their stable order, each row a map
 * from the module's column names to values ({@code ""} for a blank item).
 */
public record Sen2Return(Sen2Period period, Map<Sen2Module, List<Map<String, String>>> modules) {

  public List<Map<String, String>> rows(Sen2Module module) {
    return modules.getOrDefault(module, List.of());
  }
}
