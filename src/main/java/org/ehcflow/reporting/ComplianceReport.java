package org.ehcflow.reporting;

import java.time.LocalDate;

import org.springframework.stereotype.Service;

@Service
public class ComplianceReport {

  public ComplianceFigures figures(LocalDate from, LocalDate to, LocalDate today) {
    throw new UnsupportedOperationException("being written");
  }
}
