package org.ehcflow.review;

import static org.ehcflow.vocabulary.AnnualReviewVariables.*;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.ehcflow.platform.CaseDataException;
import org.ehcflow.platform.CsvCells;
import org.ehcflow.vocabulary.Pathways;
import org.ehcflow.vocabulary.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts the annual review cycle of each plan a council already holds, from a CSV file. Each row
 * starts in its own transaction (deliberately nothing here is transactional), so a refused row
 * never undoes the rows before it, and a file imported twice starts nothing the second time.
 */
@Service
public class PlanImportService {

  public static final int MAX_ROWS = 50_000;

  /**
   * The report lists this many problems and counts the rest, so a file of bad rows gets an answer
   * of bounded size; the first thousand are enough to see what is wrong with the file.
   */
  public static final int MAX_PROBLEMS_LISTED = 1_000;

  /**
   * The file's columns and the start variables they fill; every column must be in the header but
   * the optional ones, which councils' older exports may lack.
   */
  static final Map<String, String> COLUMNS = columns();

  private static final Set<String> OPTIONAL_COLUMNS = Set.of("nhs_number");

  private static final Logger LOG = LoggerFactory.getLogger(PlanImportService.class);

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final ReentrantLock oneAtATime = new ReentrantLock();

  public PlanImportService(
      RuntimeService runtime, RepositoryService repository, IdentityService identity) {
    this.runtime = runtime;
    this.repository = repository;
    this.identity = identity;
  }

  public record Problem(int line, String childId, String reason) {}

  public record Report(
      int rowsRead,
      int started,
      int duplicates,
      int refused,
      List<Problem> problems,
      int problemsNotListed) {}

  /** The file as a whole cannot be imported; the message says why, and nothing was started. */
  public static class UnusableFileException extends RuntimeException {

    public UnusableFileException(String message) {
      super(message);
    }
  }

  /** Another import is under way. */
  public static class ImportRunningException extends RuntimeException {

    public ImportRunningException() {
      super("Another import is running. Try again when it has finished.");
    }
  }

  /**
   * One at a time: an import takes minutes and looks the running reviews up once, so two could
   * start a child twice.
   */
  public Report importPlans(byte[] file) {
    if (!oneAtATime.tryLock()) {
      throw new ImportRunningException();
    }
    try {
      return importFile(file);
    } finally {
      oneAtATime.unlock();
    }
  }

  private Report importFile(byte[] file) {
    Table table = read(file);
    List<String> header = table.header();
    List<CsvReader.Record> rows = table.rows();
    Set<String> childrenWithACycle = childrenWithARunningReview();
    List<Problem> problems = new ArrayList<>();
    int started = 0;
    int duplicates = 0;
    for (CsvReader.Record row : rows) {
      String childId = value(header, row, CHILD_ID);
      if (row.fields().size() != header.size()) {
        problems.add(
            new Problem(
                row.line(),
                childId,
                "has "
                    + row.fields().size()
                    + " values but the header has "
                    + header.size()
                    + " columns"));
        continue;
      }
      if (childId != null && childrenWithACycle.contains(childId)) {
        duplicates++;
        problems.add(
            new Problem(
                row.line(), childId, "duplicate: " + childId + " already has a review cycle"));
        continue;
      }
      String refusal = start(header, row);
      if (refusal != null) {
        problems.add(new Problem(row.line(), childId, refusal));
        continue;
      }
      started++;
      childrenWithACycle.add(childId);
    }
    int notListed = Math.max(0, problems.size() - MAX_PROBLEMS_LISTED);
    Report report =
        new Report(
            rows.size(),
            started,
            duplicates,
            rows.size() - started - duplicates,
            List.copyOf(problems.subList(0, problems.size() - notListed)),
            notListed);
    LOG.info(
        "Plan import: {} rows read, {} started, {} duplicates, {} refused",
        report.rowsRead(),
        report.started(),
        report.duplicates(),
        report.refused());
    return report;
  }

  private record Table(List<String> header, List<CsvReader.Record> rows) {}

  /**
   * Every row is read before any is started, so a file that is unusable anywhere starts nothing.
   */
  private static Table read(byte[] file) {
    try {
      CsvReader reader = new CsvReader(utf8(file));
      CsvReader.Record first = reader.next();
      while (first != null && first.isBlank()) {
        first = reader.next();
      }
      if (first == null) {
        throw new UnusableFileException("The file is empty.");
      }
      List<String> header = header(first.fields());
      List<CsvReader.Record> rows = new ArrayList<>();
      for (CsvReader.Record row = reader.next(); row != null; row = reader.next()) {
        if (row.isBlank()) {
          continue;
        }
        if (rows.size() == MAX_ROWS) {
          throw new UnusableFileException(
              "The file has more than "
                  + String.format(Locale.UK, "%,d", MAX_ROWS)
                  + " rows of plans. Split it into smaller files.");
        }
        rows.add(row);
      }
      return new Table(header, rows);
    } catch (CsvReader.FormatException e) {
      throw new UnusableFileException("The file is not valid CSV, " + e.getMessage() + ".");
    }
  }

  /** Starts one row's review, or says why it could not be started. */
  private String start(List<String> header, CsvReader.Record row) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String value = cell(row, i);
      // An empty cell is an absent value, so the validator says "is required", not "is not a date".
      if (!value.isEmpty()) {
        variables.put(COLUMNS.get(header.get(i)), value);
      }
    }
    Object yearGroup = variables.get(YEAR_GROUP.name());
    if (yearGroup != null) {
      try {
        YEAR_GROUP.put(variables, Integer.valueOf(yearGroup.toString()));
      } catch (NumberFormatException e) {
        return YEAR_GROUP + ": '" + yearGroup + "' is not a whole number";
      }
    }
    try {
      // Checked here first: a refused row then costs no engine transaction, so a file of bad rows
      // is quick.
      // The key is the one a final plan gives its review: the child and the date the 12 months run
      // from.
      AnnualReviewStartValidator.checked(variables);
      String businessKey = AnnualReviewStartValidator.businessKey(variables);
      runtime.startProcessInstanceByKey(Pathways.ANNUAL_REVIEW, businessKey, variables);
      return null;
    } catch (CaseDataException e) {
      return e.getMessage();
    } catch (ProcessEngineException e) {
      LOG.warn("Plan import: line {} could not be started", row.line(), e);
      return "could not be started: " + e.getMessage();
    }
  }

  /**
   * One query for every child with a running review, rather than one per row: the runtime variable
   * query cannot filter by process key, so it is filtered by the review's definitions. It runs
   * without the caller's authorizations, since a review the caller may not read still makes a new
   * one a duplicate; the starts themselves keep the caller's authorizations.
   */
  private Set<String> childrenWithARunningReview() {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      Set<String> reviewDefinitions =
          repository
              .createProcessDefinitionQuery()
              .processDefinitionKey(Pathways.ANNUAL_REVIEW)
              .list()
              .stream()
              .map(ProcessDefinition::getId)
              .collect(Collectors.toSet());
      return runtime
          .createVariableInstanceQuery()
          .variableName(CHILD_ID.name())
          .disableBinaryFetching()
          .disableCustomObjectDeserialization()
          .list()
          .stream()
          .filter(variable -> reviewDefinitions.contains(variable.getProcessDefinitionId()))
          .filter(variable -> variable.getValue() != null)
          .map(variable -> variable.getValue().toString().strip())
          .collect(Collectors.toCollection(HashSet::new));
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private static String value(
      List<String> header, CsvReader.Record row, Variable<String> variable) {
    for (int i = 0; i < header.size() && i < row.fields().size(); i++) {
      if (COLUMNS.get(header.get(i)).equals(variable.name())) {
        String value = cell(row, i);
        return value.isEmpty() ? null : value;
      }
    }
    return null;
  }

  /**
   * A cell as the council meant it. A file this product exported (or a spreadsheet saved from one)
   * carries a quote in front of text that would otherwise run as a formula; it is taken off here,
   * so such a value imports as it was typed. Then spaces around it go, as on every start.
   */
  private static String cell(CsvReader.Record row, int column) {
    return CsvCells.restored(row.fields().get(column).strip()).strip();
  }

  /**
   * The header's column names, in file order; a missing, unknown or repeated column makes the file
   * unusable.
   */
  private static List<String> header(List<String> cells) {
    List<String> names = cells.stream().map(cell -> cell.strip().toLowerCase(Locale.ROOT)).toList();
    List<String> faults = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> repeated = new TreeSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.isEmpty()) {
        faults.add("column " + (i + 1) + " has no name");
      } else if (!COLUMNS.containsKey(name)) {
        faults.add("unknown column '" + cells.get(i).strip() + "' (check the spelling)");
      } else if (!seen.add(name)) {
        repeated.add(name);
      }
    }
    repeated.forEach(name -> faults.add("column '" + name + "' appears more than once"));
    List<String> missing =
        COLUMNS.keySet().stream()
            .filter(name -> !seen.contains(name) && !OPTIONAL_COLUMNS.contains(name))
            .toList();
    if (!missing.isEmpty()) {
      faults.add("missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
    }
    if (!faults.isEmpty()) {
      throw new UnusableFileException(
          "The header of the file is not usable: "
              + String.join("; ", faults)
              + ". The columns are "
              + String.join(", ", COLUMNS.keySet())
              + "; "
              + String.join(", ", new TreeSet<>(OPTIONAL_COLUMNS))
              + " may be left out.");
    }
    return names;
  }

  /** Strictly UTF-8: a file saved in another encoding would otherwise import misspelt names. */
  private static String utf8(byte[] file) {
    if (file == null || file.length == 0) {
      throw new UnusableFileException("The file is empty.");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(file))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UnusableFileException(
          "The file is not valid UTF-8 text. Save it as \"CSV UTF-8\" and try again.");
    }
  }

  private static Map<String, String> columns() {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("child_id", CHILD_ID.name());
    columns.put("child_name", CHILD_NAME.name());
    columns.put("date_of_birth", DATE_OF_BIRTH.name());
    columns.put("nhs_number", NHS_NUMBER.name());
    columns.put("parent_email", PARENT_EMAIL.name());
    columns.put("plan_issued_date", PLAN_ISSUED_DATE.name());
    columns.put("last_review_decision_date", LAST_REVIEW_DECISION_DATE.name());
    columns.put("year_group", YEAR_GROUP.name());
    columns.put("setting", NAMED_SETTING.name());
    columns.put("phase", SETTING_PHASE.name());
    return Collections.unmodifiableMap(columns);
  }
}
