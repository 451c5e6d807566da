package org.ehcflow.reporting.caseload;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.ehcflow.reporting.caseload.Caseload.Counts;
import org.ehcflow.reporting.caseload.Caseload.GroupLoad;
import org.ehcflow.reporting.caseload.Caseload.PersonLoad;
import org.ehcflow.statutory.StatutoryDates;
import org.ehcflow.vocabulary.EhcGroups;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The caseload figures, counted by the database: three grouped statements over the engine's runtime
 * task and identity-link tables (as the compliance report reads them), then the names of the people
 * and groups. The work is the same for 200 tasks or 20,000: the engine's task queries would need
 * three counts per person and per group, or every task loaded into memory.
 *
 * <p>Read council-wide, without the caller's engine authorizations: the caller has passed the
 * reporting rule ({@code ReportingAccess.FIGURES}) before this is asked.
 */
@Component
public class CaseloadReport {

  /** Open, overdue and due this week, in that order, over the tasks {@code t}. */
  private static final String COUNTS =
      " COUNT(*),"
          + " SUM(CASE WHEN t.DUE_DATE_ < :today THEN 1 ELSE 0 END),"
          + " SUM(CASE WHEN t.DUE_DATE_ >= :today AND t.DUE_DATE_ < :nextWeek THEN 1 ELSE 0 END) ";

  private static final String BY_ASSIGNEE =
      "SELECT t.ASSIGNEE_," + COUNTS + "FROM ACT_RU_TASK t GROUP BY t.ASSIGNEE_";

  // A task offered twice to the same group (two links) still counts once for it.
  private static final String BY_CANDIDATE_GROUP =
      "SELECT l.GROUP_ID_,"
          + COUNTS
          + ", SUM(CASE WHEN t.ASSIGNEE_ IS NULL THEN 1 ELSE 0 END)"
          + " FROM ACT_RU_TASK t JOIN (SELECT DISTINCT TASK_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK"
          + " WHERE TYPE_ = 'candidate' AND GROUP_ID_ IS NOT NULL) l ON l.TASK_ID_ = t.ID_"
          + " GROUP BY l.GROUP_ID_";

  private static final String WITHOUT_GROUP =
      "SELECT"
          + COUNTS
          + "FROM ACT_RU_TASK t WHERE NOT EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK l"
          + " WHERE l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate' AND l.GROUP_ID_ IS NOT NULL)";

  private final NamedParameterJdbcTemplate jdbc;
  private final IdentityService identity;
  private final FilterService filters;

  public CaseloadReport(
      NamedParameterJdbcTemplate jdbc, IdentityService identity, FilterService filters) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.filters = filters;
  }

  public Caseload caseload(LocalDate today) {
    return withoutCallerAuthorizations(() -> count(today));
  }

  private Caseload count(LocalDate today) {
    MapSqlParameterSource days =
        new MapSqlParameterSource(
                "today", new Timestamp(StatutoryDates.startOfDay(today).getTime()))
            .addValue(
                "nextWeek", new Timestamp(StatutoryDates.startOfDay(today.plusDays(7)).getTime()));

    Map<String, Counts> byAssignee = new HashMap<>();
    Counts unassigned = Counts.NONE;
    int open = 0;
    int overdue = 0;
    int dueThisWeek = 0;
    for (Map.Entry<String, Counts> row : byAssignee(days).entrySet()) {
      Counts counts = row.getValue();
      open += counts.open();
      overdue += counts.overdue();
      dueThisWeek += counts.dueThisWeek();
      if (row.getKey() == null) {
        unassigned = counts;
      } else {
        byAssignee.put(row.getKey(), counts);
      }
    }

    Map<String, Integer> unclaimedByGroup = new HashMap<>();
    Map<String, Counts> byGroup = new HashMap<>();
    jdbc.query(
        BY_CANDIDATE_GROUP,
        days,
        rs -> {
          byGroup.put(rs.getString(1), new Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
          unclaimedByGroup.put(rs.getString(1), rs.getInt(5));
        });
    Counts withoutGroup =
        jdbc.queryForObject(
            WITHOUT_GROUP, days, (rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3)));

    return new Caseload(
        today.toString(),
        today.plusDays(6).toString(),
        new Counts(open, overdue, dueThisWeek),
        people(byAssignee),
        unassigned,
        groups(byGroup, unclaimedByGroup),
        withoutGroup,
        tasklistFilterId());
  }

  /** Keyed by assignee; the tasks no one holds under null. */
  private Map<String, Counts> byAssignee(MapSqlParameterSource days) {
    Map<String, Counts> rows = new LinkedHashMap<>();
    jdbc.query(
        BY_ASSIGNEE,
        days,
        rs -> {
          rows.put(rs.getString(1), new Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
        });
    return rows;
  }

  /**
   * Everyone holding a task, and every caseworker even when they hold none (the ones to give work
   * to); the busiest first.
   */
  private List<PersonLoad> people(Map<String, Counts> byAssignee) {
    Map<String, User> users = new HashMap<>();
    for (User caseworker :
        identity.createUserQuery().memberOfGroup(EhcGroups.LA_CASEWORKER.id()).list()) {
      users.put(caseworker.getId(), caseworker);
    }
    List<String> caseworkers = List.copyOf(users.keySet());
    String[] others =
        byAssignee.keySet().stream().filter(id -> !users.containsKey(id)).toArray(String[]::new);
    if (others.length > 0) {
      for (User user : identity.createUserQuery().userIdIn(others).list()) {
        users.put(user.getId(), user);
      }
    }
    Map<String, Counts> everyone = new HashMap<>(byAssignee);
    caseworkers.forEach(id -> everyone.putIfAbsent(id, Counts.NONE));
    List<PersonLoad> people = new ArrayList<>();
    everyone.forEach(
        (id, counts) ->
            people.add(
                new PersonLoad(
                    id,
                    nameOf(users.get(id), id),
                    caseworkers.contains(id),
                    counts.open(),
                    counts.overdue(),
                    counts.dueThisWeek())));
    people.sort(
        Comparator.comparingInt(PersonLoad::open)
            .reversed()
            .thenComparing(Comparator.comparingInt(PersonLoad::overdue).reversed())
            .thenComparing(PersonLoad::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(PersonLoad::userId));
    return people;
  }

  /**
   * Every working group in the contract's order, with nothing where nothing is offered to it, then
   * any other group that has tasks.
   */
  private List<GroupLoad> groups(Map<String, Counts> byGroup, Map<String, Integer> unclaimed) {
    List<GroupLoad> groups = new ArrayList<>();
    Map<String, Counts> rest = new HashMap<>(byGroup);
    for (EhcGroups group : EhcGroups.workingGroups()) {
      Counts counts = rest.getOrDefault(group.id(), Counts.NONE);
      rest.remove(group.id());
      groups.add(groupLoad(group.id(), group.label(), counts, unclaimed));
    }
    if (!rest.isEmpty()) {
      Map<String, String> names = new HashMap<>();
      for (Group group :
          identity.createGroupQuery().groupIdIn(rest.keySet().toArray(String[]::new)).list()) {
        names.put(group.getId(), group.getName());
      }
      rest.keySet().stream()
          .sorted()
          .forEach(
              id ->
                  groups.add(
                      groupLoad(
                          id,
                          names.get(id) == null || names.get(id).isBlank() ? id : names.get(id),
                          rest.get(id),
                          unclaimed)));
    }
    return groups;
  }

  private static GroupLoad groupLoad(
      String id, String name, Counts counts, Map<String, Integer> unclaimed) {
    return new GroupLoad(
        id,
        name,
        counts.open(),
        unclaimed.getOrDefault(id, 0),
        counts.overdue(),
        counts.dueThisWeek());
  }

  private static String nameOf(User user, String id) {
    if (user == null) {
      return id;
    }
    String name =
        ((user.getFirstName() == null ? "" : user.getFirstName())
                + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .trim();
    return name.isEmpty() ? id : name;
  }

  private String tasklistFilterId() {
    return filters.createFilterQuery().filterName(CaseloadTaskFilter.NAME).list().stream()
        .map(Filter::getId)
        .findFirst()
        .orElse(null);
  }

  /**
   * The caller's engine authorizations would hide users, groups and the filter a manager is not
   * granted; they have passed the reporting rule, so the figures are read as the service.
   */
  private <T> T withoutCallerAuthorizations(Supplier<T> report) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return report.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
