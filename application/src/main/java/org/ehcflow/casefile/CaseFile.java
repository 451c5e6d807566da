package org.ehcflow.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.ehcflow.platform.DatabaseFailures;
import org.ehcflow.vocabulary.ChildVariables;
import org.ehcflow.vocabulary.DocumentKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case file: documents attached to a case's tasks and read by the case's people.
 *
 * <p>Who attaches: whoever may work the task (a member of a group it is offered to, its assignee)
 * while it is open. Who reads: the council's caseworkers and managers (and administrators), the
 * person who attached the document, and the partners whose task it came with ({@link #mayRead}).
 * The engine's authorizations are not the rule here, since a partner never reads the case itself,
 * so the look-ups run as the system and the rule is this class's.
 */
@Service
public class CaseFile {

  /**
   * The longest file name kept; longer ones are refused rather than cut, so the name stays the
   * sender's.
   */
  public static final int MAX_NAME_LENGTH = 255;

  public static final int MAX_TITLE_LENGTH = 200;
  private static final int DATABASE_ATTEMPTS = 4;

  /** Someone asking: their user id and groups, as the engine knows them. */
  public record Person(String userId, List<String> groups) {

    public Person {
      groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public static Person of(Authentication authentication) {
      return new Person(authentication.getUserId(), authentication.getGroupIds());
    }

    boolean readsEveryCase() {
      return groups.stream().anyMatch(CaseFileAccess.COUNCIL_READERS::contains);
    }
  }

  /** A document and its bytes, as read. */
  public record Opened(CaseDocument document, byte[] content) {}

  private final TaskService tasks;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final DocumentStore store;
  private final DocumentTypes types;
  private final CaseFileProperties properties;
  private final TransactionTemplate transaction;

  public CaseFile(
      TaskService tasks,
      HistoryService history,
      RuntimeService runtime,
      IdentityService identity,
      DocumentStore store,
      DocumentTypes types,
      CaseFileProperties properties,
      PlatformTransactionManager transactions) {
    this.tasks = tasks;
    this.history = history;
    this.runtime = runtime;
    this.identity = identity;
    this.store = store;
    this.types = types;
    this.properties = properties;
    this.transaction = new TransactionTemplate(transactions);
  }

  public CaseFileProperties properties() {
    return properties;
  }

  /**
   * Attaches a document to an open task. Everything about the request is checked before the content
   * is read; the document and its record are one row, written in one transaction.
   *
   * @param content read up to one byte past the limit, never further
   */
  public CaseDocument attach(
      Person person, String taskId, String fileName, String title, InputStream content) {
    String name = checkedName(fileName);
    String cleanTitle = checkedTitle(title);
    Task task = withDatabase(() -> openTaskOf(person, taskId));
    Candidates candidates = withDatabase(() -> candidatesOf(taskId));
    List<String> groups = candidates.groups();
    if (!mayWork(person, task.getAssignee(), candidates)) {
      throw new DocumentRefused(
          403,
          null,
          "Only whoever works the task '"
              + task.getName()
              + "' ("
              + (groups.isEmpty() ? "its assignee" : "the group " + String.join(", ", groups))
              + ") may attach documents to it.");
    }
    byte[] bytes = limited(content);
    String contentType = types.check(bytes, properties.acceptedTypes());
    String sha256 = sha256(bytes);
    Instant uploadedAt = now();
    String documentId = UUID.randomUUID().toString();
    return withDatabase(
        () -> {
          ProcessInstance instance =
              asSystem(
                  () ->
                      runtime
                          .createProcessInstanceQuery()
                          .processInstanceId(task.getProcessInstanceId())
                          .singleResult());
          String childId = childOf(task.getProcessInstanceId());
          CaseDocument document =
              new CaseDocument(
                  documentId,
                  childId,
                  task.getProcessInstanceId(),
                  instance == null ? null : instance.getBusinessKey(),
                  taskId,
                  task.getTaskDefinitionKey(),
                  task.getName(),
                  groups,
                  name,
                  cleanTitle,
                  contentType,
                  bytes.length,
                  sha256,
                  person.userId(),
                  uploadedAt,
                  DocumentKind.UPLOAD,
                  null);
          try {
            transaction.executeWithoutResult(
                tx -> {
                  store
                      .sameContent(document.processInstanceId(), sha256)
                      .ifPresent(CaseFile::alreadyThere);
                  store.add(document, bytes);
                });
          } catch (DuplicateKeyException sameFileMeanwhile) {
            store
                .sameContent(document.processInstanceId(), sha256)
                .ifPresent(CaseFile::alreadyThere);
            throw sameFileMeanwhile;
          }
          return document;
        });
  }

  /**
   * Runs a step against the database again when the database restarted or a connection broke under
   * it: such a step's transaction did not commit, so nothing of it is stored and the same step can
   * be made again on a new connection. After the last attempt the caller is told to send the
   * document again (503), never a server error.
   */
  private <T> T withDatabase(Supplier<T> step) {
    for (int attempt = 1; ; attempt++) {
      try {
        return step.get();
      } catch (RuntimeException failure) {
        if (!DatabaseFailures.isLostConnection(failure)) {
          throw failure;
        }
        if (attempt == DATABASE_ATTEMPTS) {
          throw new DocumentRefused(
              503,
              null,
              "The database could not be reached, so the document was not stored:"
                  + " send it again in a minute.");
        }
        pause(attempt);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(500L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DocumentRefused(
          503, null, "The upload was interrupted before the document was stored: send it again.");
    }
  }

  /** A child's documents that this person may read, newest first. */
  public List<CaseDocument> documentsOfChild(Person person, String childId) {
    return store.ofChild(childId).stream().filter(document -> mayRead(person, document)).toList();
  }

  /**
   * The documents of the case a task belongs to that this person may read, newest first; the task
   * must be theirs.
   */
  public List<CaseDocument> documentsOfTaskCase(Person person, String taskId) {
    Task task = asSystem(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      throw new DocumentRefused(404, null, "There is no open task " + taskId + ".");
    }
    if (!person.readsEveryCase() && !mayWork(person, task.getAssignee(), candidatesOf(taskId))) {
      throw new DocumentRefused(
          403, null, "The task '" + task.getName() + "' is not yours to work.");
    }
    String childId = childOf(task.getProcessInstanceId());
    List<CaseDocument> documents =
        childId == null
            ? store.ofCases(List.of(task.getProcessInstanceId()))
            : store.ofChild(childId);
    return documents.stream()
        .filter(document -> mayRead(person, document))
        .sorted(Comparator.comparing(CaseDocument::uploadedAt).reversed())
        .toList();
  }

  /** The child the case is about, or null for a case about no one child (a cohort run). */
  private String childOf(String processInstanceId) {
    Object raw =
        asSystem(() -> runtime.getVariable(processInstanceId, ChildVariables.CHILD_ID.name()));
    return ChildVariables.CHILD_ID.decode(raw);
  }

  public Opened open(Person person, String documentId) {
    CaseDocument document =
        store
            .find(documentId)
            .orElseThrow(
                () -> new DocumentRefused(404, null, "There is no document " + documentId + "."));
    if (!mayRead(person, document)) {
      throw new DocumentRefused(
          403,
          null,
          "The document "
              + documentId
              + " is for the case's caseworkers and managers and the partners whose task it came with.");
    }
    return new Opened(document, store.content(documentId));
  }

  public static boolean mayRead(Person person, CaseDocument document) {
    return person.readsEveryCase()
        || Objects.equals(person.userId(), document.uploadedBy())
        || document.taskGroups().stream().anyMatch(person.groups()::contains);
  }

  /** Whom a task is offered to: its candidate groups and candidate users. */
  private record Candidates(List<String> groups, List<String> users) {}

  private static boolean mayWork(Person person, String assignee, Candidates candidates) {
    return person.groups().contains(CaseFileAccess.ADMINISTRATORS)
        || Objects.equals(person.userId(), assignee)
        || candidates.users().contains(person.userId())
        || candidates.groups().stream().anyMatch(person.groups()::contains);
  }

  private Task openTaskOf(Person person, String taskId) {
    Task task = asSystem(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    if (task != null) {
      return task;
    }
    HistoricTaskInstance closed =
        asSystem(() -> history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
    if (closed != null && offeredTo(person, closed)) {
      throw new DocumentRefused(
          409,
          null,
          "The task '"
              + closed.getName()
              + "' is closed ("
              + (closed.getDeleteReason() == null ? "ended" : closed.getDeleteReason())
              + "): attach the document to an open task of the case.");
    }
    throw new DocumentRefused(404, null, "There is no open task " + taskId + " for you.");
  }

  private boolean offeredTo(Person person, HistoricTaskInstance task) {
    List<HistoricIdentityLinkLog> links =
        asSystem(() -> history.createHistoricIdentityLinkLogQuery().taskId(task.getId()).list());
    return mayWork(
        person,
        task.getAssignee(),
        new Candidates(
            links.stream()
                .map(HistoricIdentityLinkLog::getGroupId)
                .filter(Objects::nonNull)
                .toList(),
            links.stream()
                .map(HistoricIdentityLinkLog::getUserId)
                .filter(Objects::nonNull)
                .toList()));
  }

  private Candidates candidatesOf(String taskId) {
    List<IdentityLink> candidates =
        asSystem(() -> tasks.getIdentityLinksForTask(taskId)).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
            .toList();
    return new Candidates(
        candidates.stream()
            .map(IdentityLink::getGroupId)
            .filter(Objects::nonNull)
            .distinct()
            .toList(),
        candidates.stream().map(IdentityLink::getUserId).filter(Objects::nonNull).toList());
  }

  private byte[] limited(InputStream content) {
    long max = properties.maxDocumentSize().toBytes();
    byte[] bytes;
    try {
      bytes =
          content == null
              ? new byte[0]
              : content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    } catch (IOException cutOff) {
      throw new DocumentRefused(
          400, "file", "The upload was cut off before it was complete: send it again.");
    }
    if (bytes.length > max) {
      throw new DocumentRefused(
          413,
          "file",
          "The file is larger than " + megabytes(max) + ", the most a document may be.");
    }
    if (bytes.length == 0) {
      throw new DocumentRefused(400, "file", "The file is empty.");
    }
    return bytes;
  }

  static String checkedName(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      throw new DocumentRefused(
          400, "file", "The file has no name: send it as a file, with its name.");
    }
    if (fileName.indexOf('/') >= 0 || fileName.indexOf('\\') >= 0) {
      throw new DocumentRefused(
          400, "file", "The file name must not contain a folder (/ or \\): give its name only.");
    }
    if (fileName.chars().anyMatch(Character::isISOControl)) {
      throw new DocumentRefused(
          400, "file", "The file name contains control characters: rename the file.");
    }
    String name = fileName.strip();
    if (name.equals(".") || name.equals("..")) {
      throw new DocumentRefused(
          400, "file", "The file name '" + name + "' is not a name: rename the file.");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new DocumentRefused(
          400,
          "file",
          "The file name is "
              + name.length()
              + " characters long; at most "
              + MAX_NAME_LENGTH
              + " are kept: rename the file.");
    }
    return name;
  }

  static String checkedTitle(String title) {
    if (title == null || title.isBlank()) {
      return null;
    }
    if (title.chars().anyMatch(Character::isISOControl)) {
      throw new DocumentRefused(
          400, "title", "The title contains control characters (a line break?): give one line.");
    }
    String clean = title.strip();
    if (clean.length() > MAX_TITLE_LENGTH) {
      throw new DocumentRefused(
          400,
          "title",
          "The title is "
              + clean.length()
              + " characters long; at most "
              + MAX_TITLE_LENGTH
              + " are kept.");
    }
    return clean;
  }

  private static void alreadyThere(CaseDocument existing) {
    throw new DocumentRefused(
        409,
        "file",
        "This file is already in the case file: '"
            + existing.name()
            + "', attached by "
            + existing.uploadedBy()
            + " to '"
            + existing.taskName()
            + "' (document "
            + existing.id()
            + ").");
  }

  static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /**
   * The case file's own look-ups, not the caller's: the rule of this class decides what they see.
   */
  private <T> T asSystem(Supplier<T> lookUp) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return lookUp.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
