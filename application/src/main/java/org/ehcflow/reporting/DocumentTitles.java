package org.ehcflow.reporting;

import org.ehcflow.casefile.CaseDocument;
import org.ehcflow.vocabulary.DocumentKind;

/** What a document of the case file is called in the chronology and the tribunal bundle. */
public final class DocumentTitles {

  private DocumentTitles() {}

  /**
   * A plan version by its kind and number ("Draft EHC plan (version 2)"); an upload by its title,
   * or its file name when it has none.
   */
  public static String of(CaseDocument document) {
    if (document.kind() == null || document.kind() == DocumentKind.UPLOAD) {
      return document.title() == null || document.title().isBlank()
          ? document.name()
          : document.title();
    }
    return planVersion(document.kind(), document.version());
  }

  public static String planVersion(DocumentKind kind, Integer version) {
    String plan =
        switch (kind) {
          case DRAFT_PLAN -> "Draft EHC plan";
          case FINAL_PLAN -> "Final EHC plan";
          case AMENDED_PLAN -> "Amended EHC plan";
          case UPLOAD -> "Document";
        };
    return version == null ? plan : plan + " (version " + version + ")";
  }

  public static boolean isPlan(CaseDocument document) {
    return document.kind() != null && document.kind() != DocumentKind.UPLOAD;
  }
}
