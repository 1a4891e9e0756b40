package org.mdmatrials.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@code primary_outcome_changes}: each trial whose primary outcomes now differ from the
 * first it is known to have had, as the registry first registered them where its record history was
 * back-filled ({@link PrimaryOutcomeVersions}), else as first harvested (the first version in the
 * history that has them). The trials and the history are read in trial id order, in one pass.
 */
final class OutcomeChanges {
  static final String REGISTERED = "FIRST_REGISTERED";
  static final String HARVESTED = "FIRST_HARVESTED";

  private OutcomeChanges() {}

  /**
   * Writes the table from the snapshot's trials and {@code history}, if it exists.
   *
   * @return how many trials' primary outcomes changed
   */
  static int write(Connection snapshot, Path history) throws SQLException {
    if (!Files.isRegularFile(history)) {
      return 0;
    }
    try (Connection old = Sql.openReadOnly(history)) {
      String firstKnown = firstKnown(old);
      if (firstKnown == null) {
        return 0;
      }
      try (Statement then = old.createStatement();
          ResultSet first = then.executeQuery(firstKnown);
          Statement now = snapshot.createStatement();
          ResultSet trials =
              now.executeQuery("SELECT trial_id, primary_outcomes FROM trials ORDER BY trial_id");
          Sql.Batch changes =
              new Sql.Batch(
                  snapshot,
                  "primary_outcome_changes",
                  List.of("trial_id", "first_known", "first_source", "first_primary_outcomes"))) {
        int count = merge(first, trials, changes);
        changes.flush();
        return count;
      }
    }
  }

  private static int merge(ResultSet first, ResultSet trials, Sql.Batch changes)
      throws SQLException {
    int count = 0;
    @Nullable String previous = null;
    boolean hasTrial = trials.next();
    while (first.next()) {
      String id = first.getString(1);
      if (id.equals(previous)) {
        // A trial known from its registry's record history and from the snapshots: the first.
        continue;
      }
      previous = id;
      while (hasTrial && trials.getString(1).compareTo(id) < 0) {
        hasTrial = trials.next();
      }
      if (hasTrial
          && trials.getString(1).equals(id)
          && !Objects.equals(first.getString(3), trials.getString(2))) {
        changes.add(id, first.getString(2), first.getString(4), first.getString(3));
        count++;
      }
    }
    return count;
  }

  /**
   * The first primary outcomes of every trial the history knows, by trial id, those the registry
   * first registered before those first harvested; null when the history holds neither yet.
   */
  private static @Nullable String firstKnown(Connection history) throws SQLException {
    List<String> parts = new ArrayList<>();
    if (Sql.columns(history, "primary_outcome_versions").contains("version")) {
      parts.add(
          "SELECT trial_id, version_date, primary_outcomes, '"
              + REGISTERED
              + "', 0 FROM primary_outcome_versions p WHERE version = (SELECT min(version) FROM"
              + " primary_outcome_versions q WHERE q.registry = p.registry"
              + " AND q.record_id = p.record_id)");
    }
    Set<String> versioned = Sql.columns(history, "trial_versions");
    if (versioned.contains("primary_outcomes")) {
      // SQLite takes the other columns from the row that holds the min().
      parts.add(
          "SELECT trial_id, substr(min(valid_from), 1, 10), primary_outcomes, '"
              + HARVESTED
              + "', 1 FROM trial_versions WHERE primary_outcomes IS NOT NULL GROUP BY trial_id");
    }
    return parts.isEmpty() ? null : String.join(" UNION ALL ", parts) + " ORDER BY 1, 5";
  }
}
