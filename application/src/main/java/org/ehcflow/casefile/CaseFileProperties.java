package org.ehcflow.casefile;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxDocumentSize the largest document a person may attach
 * @param acceptedTypes the content types accepted, each one {@link DocumentTypes} can recognise
 */
@ConfigurationProperties("ehc.case-file")
public record CaseFileProperties(DataSize maxDocumentSize, List<String> acceptedTypes) {

  public CaseFileProperties {
    maxDocumentSize = maxDocumentSize == null ? DataSize.ofMegabytes(20) : maxDocumentSize;
    acceptedTypes =
        acceptedTypes == null || acceptedTypes.isEmpty()
            ? DocumentTypes.RECOGNISED
            : List.copyOf(acceptedTypes);
    List<String> unknown =
        acceptedTypes.stream().filter(type -> !DocumentTypes.RECOGNISED.contains(type)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "ehc.case-file.accepted-types: "
              + unknown
              + " cannot be recognised from a file's content; choose from "
              + DocumentTypes.RECOGNISED);
    }
  }
}
