package org.mdmatrials.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.Change;
import org.mdmatrials.sink.TrialColumn;

/**
 * Compares the trials of two snapshots, both read in trial id order in one pass, so that memory
 * stays flat however many trials they hold.
 */
final class SnapshotComparison {
  /** The fields whose changes are reported; the others change every run or only follow these. */
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
          TrialColumn.LINKED_IDS);

  private static final String SELECT =
      "SELECT trial_id, "
          + COMPARED.stream().map(TrialColumn::columnName).collect(Collectors.joining(", "))
          + " FROM trials ORDER BY trial_id";

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
          Statement then = old.createStatement();
          ResultSet before = then.executeQuery(SELECT)) {
        merge(before, after, handler);
      }
    }
  }

  private static void merge(ResultSet before, ResultSet after, ChangeHandler handler)
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
