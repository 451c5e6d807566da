package org.ehcflow.casefile;

import java.time.OffsetDateTime;
import org.ehcflow.statutory.StatutoryClock;

/**
 * A document as the API shows it (the contract's fields first). Times are London time with their
 * offset; the case file's JSON carries strings only, so every JSON writer (Spring's, the web apps')
 * writes it alike. {@code kind} is what the document is ({@code upload}, {@code draft-plan}, {@code
 * final-plan}, {@code amended-plan}) and {@code version} a plan's version number (null for an
 * upload).
 */
public record DocumentView(
    String id,
    String name,
    String contentType,
    long size,
    String sha256,
    String uploadedBy,
    String uploadedAt,
    String title,
    String taskId,
    String taskName,
    String caseKey,
    String processInstanceId,
    String kind,
    Integer version) {

  public static DocumentView of(CaseDocument document) {
    return new DocumentView(
        document.id(),
        document.name(),
        document.contentType(),
        document.size(),
        document.sha256(),
        document.uploadedBy(),
        OffsetDateTime.ofInstant(document.uploadedAt(), StatutoryClock.ZONE).toString(),
        document.title(),
        document.taskId(),
        document.taskName(),
        document.caseKey(),
        document.processInstanceId(),
        document.kind().code(),
        document.version());
  }

  /** A size as people read it: "820 KB", "4.2 MB". */
  public static String readableSize(long bytes) {
    return bytes >= 1024 * 1024
        ? String.format(java.util.Locale.UK, "%.1f MB", bytes / (1024.0 * 1024))
        : Math.max(1, Math.round(bytes / 1024.0)) + " KB";
  }
}
