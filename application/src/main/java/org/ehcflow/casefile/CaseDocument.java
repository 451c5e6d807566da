package org.ehcflow.casefile;

import java.time.Instant;
import java.util.List;
import org.ehcflow.vocabulary.DocumentKind;

/**
 * A document's record in the case file: what it is, which case and task it came with, who attached
 * it and when. The content itself is read apart ({@link DocumentStore#content}).
 *
 * @param taskGroups the candidate groups of the task at the moment it was attached: the partners
 *     whose task it was may read it
 */
public record CaseDocument(
    String id,
    String childId,
    String processInstanceId,
    String caseKey,
    String taskId,
    String taskDefinitionKey,
    String taskName,
    List<String> taskGroups,
    String name,
    String title,
    String contentType,
    long size,
    String sha256,
    String uploadedBy,
    Instant uploadedAt,
    DocumentKind kind,
    Integer version) {}
