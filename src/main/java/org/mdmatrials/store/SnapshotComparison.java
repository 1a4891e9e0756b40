package org.mdmatrials.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.Change;
import org.mdmatrials.sink.TrialColumn;

/**
 * Compares the trials of two snapshots, both read in trial id order in one pass, so that memory
 * stays flat however many trials they hold.
 */
final class SnapshotComparison {
  /**
   * The fields whose changes are reported; the others change every run (harvested_at, and
   * status_verified at each of the sponsor's confirmations) or only follow these.
   */
  static final List<TrialColumn> COMPARED =
      List.of(
          TrialColumn.TITLE,
          TrialColumn.OFFICIAL_TITLE,
          TrialColumn.ACRONYM,
          TrialColumn.MDMA_ROLE,
          TrialColumn.PRIMARY_CATEGORY,
          TrialColumn.CATEGORIES,
          TrialColumn.OVERALL_STATUS,
          TrialColumn.PHASES,
          TrialColumn.STUDY_TYPE,
          TrialColumn.ENROLLMENT,
          TrialColumn.ENROLLMENT_TYPE,
          TrialColumn.START_DATE,
          TrialColumn.PRIMARY_COMPLETION_DATE,
          TrialColumn.COMPLETION_DATE,
          TrialColumn.LEAD_SPONSOR,
          TrialColumn.COLLABORATORS,
          TrialColumn.CONDITIONS,
          TrialColumn.INTERVENTIONS,
          TrialColumn.COUNTRIES,
          TrialColumn.HAS_RESULTS,
          TrialColumn.LINKED_IDS,
          TrialColumn.PRIMARY_OUTCOMES,
          TrialColumn.RESULTS_STATUS,
          TrialColumn.RESULTS_FIRST_POSTED,
          TrialColumn.PUBLICATIONS,
          TrialColumn.WHY_STOPPED,
          TrialColumn.MIN_AGE,
          TrialColumn.MAX_AGE,
          TrialColumn.SEX,
          TrialColumn.HEALTHY_VOLUNTEERS,
          TrialColumn.ALLOCATION,
          TrialColumn.MASKING,
          TrialColumn.PRIMARY_PURPOSE);

  private static final Set<String> ALL =
      COMPARED.stream().map(TrialColumn::columnName).collect(Collectors.toSet());

  private static final String SELECT = select(ALL);

  private SnapshotComparison() {}

  /** Hands every change from {@code previous} (null: none, all trials added) to {@code current}. */
  static void compare(Connection current, @Nullable Path previous, ChangeHandler handler)
      throws SQLException, IOException {
    try (Statement now = current.createStatement();
        ResultSet after = now.executeQuery(SELECT)) {
      if (previous == null) {
        while (after.next()) {
          handler.change(new Change(after.getString(1), Change.Type.ADDED, null, null, null));
        }
        return;
      }
      try (Connection old = Sql.openReadOnly(previous);
          Statement then = old.createStatement()) {
        // A snapshot written before a column existed cannot say whether it changed: the column
        // is selected empty there, and not compared.
        Set<String> had = Sql.columns(old, "trials");
        try (ResultSet before = then.executeQuery(select(had))) {
          merge(before, after, had, handler);
        }
      }
    }
  }

  /** The compared columns of every trial, in trial id order; those not {@code had} as NULL. */
  private static String select(Set<String> had) {
    return "SELECT trial_id, "
        + COMPARED.stream()
            .map(c -> had.contains(c.columnName()) ? c.columnName() : "NULL")
            .collect(Collectors.joining(", "))
        + " FROM trials ORDER BY trial_id";
  }

  /**
   * @param had the columns the previous snapshot has: only those are compared
   */
  private static void merge(
      ResultSet before, ResultSet after, Set<String> had, ChangeHandler handler)
      throws SQLException, IOException {
    boolean hasBefore = before.next();
    boolean hasAfter = after.next();
    while (hasBefore || hasAfter) {
      int order =
          !hasBefore ? 1 : !hasAfter ? -1 : before.getString(1).compareTo(after.getString(1));
      if (order < 0) {
        handler.change(new Change(before.getString(1), Change.Type.REMOVED, null, null, null));
        hasBefore = before.next();
      } else if (order > 0) {
        handler.change(new Change(after.getString(1), Change.Type.ADDED, null, null, null));
        hasAfter = after.next();
      } else {
        for (int i = 0; i < COMPARED.size(); i++) {
          if (!had.contains(COMPARED.get(i).columnName())) {
            continue;
          }
          String old = before.getString(i + 2);
          String now = after.getString(i + 2);
          if (!Objects.equals(old, now)) {
            handler.change(
                new Change(
                    after.getString(1),
                    Change.Type.CHANGED,
                    COMPARED.get(i).columnName(),
                    old,
                    now));
          }
        }
        hasBefore = before.next();
        hasAfter = after.next();
      }
    }
  }

  /** Receives one change. */
  @FunctionalInterface
  interface ChangeHandler {
    void change(Change change) throws IOException, SQLException;
  }
}
