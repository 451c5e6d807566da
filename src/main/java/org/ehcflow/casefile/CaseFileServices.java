package org.ehcflow.casefile;

import org.springframework.stereotype.Component;

/**
 * The Tasklist plugin's resources are created by the web app, not by Spring; they reach the case
 * file through this one holder, set when the application starts.
 */
@Component
public class CaseFileServices {

  private static volatile CaseFileServices current;

  private final CaseFile caseFile;

  public CaseFileServices(CaseFile caseFile) {
    this.caseFile = caseFile;
    current = this;
  }

  static CaseFileServices current() {
    if (current == null) {
      throw new IllegalStateException("the case file is not started");
    }
    return current;
  }

  CaseFile caseFile() {
    return caseFile;
  }
}
