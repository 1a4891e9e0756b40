package org.mdmatrials.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.sink.TrialColumn;

/**
 * {@code history.sqlite}: every version of every trial across published snapshots, each valid from
 * the run that first published it until the run that published a different one (or no longer held
 * the trial). Recording a snapshot is one transaction and recording it twice changes nothing, so a
 * run that died between publishing and recording is caught up by the next.
 */
public final class HistoryStore {
  /** The columns a version is made of: the trial's row less what changes every run. */
  static final List<TrialColumn> VERSIONED =
      List.of(TrialColumn.values()).stream()
          .filter(
              c ->
                  c != TrialColumn.HARVESTED_AT
                      && c != TrialColumn.SOURCE_VERSION
                      && c != TrialColumn.SOURCE_STATUS)
          .toList();

  private static final String COLUMNS =
      VERSIONED.stream().map(TrialColumn::columnName).collect(Collectors.joining(", "));

  private final Path file;

  public HistoryStore(Path file) {
    this.file = file;
  }

  /**
   * Records a published snapshot's trials, unless its run is recorded already.
   *
   * @return whether the run was new to the history
   */
  public boolean record(Path snapshotDatabase, String runId, String startedAt) throws IOException {
    try (Recording recording = prepare(snapshotDatabase, runId, startedAt)) {
      return recording.commit();
    }
  }

  /**
   * Writes a snapshot's trials into the history without committing them, so that the work can be
   * done while the snapshot is being finished: {@link Recording#commit} once it is published, or
   * close the recording to leave the history as it was.
   */
  public Recording prepare(Path snapshotDatabase, String runId, String startedAt)
      throws IOException {
    @Nullable Connection db = null;
    try {
      db = Sql.open(file);
      try (Statement st = db.createStatement()) {
        createTables(st);
        addNewColumns(db, st);
        st.execute(
            "ATTACH DATABASE '" + snapshotDatabase.toString().replace("'", "''") + "' AS snap");
      }
      db.setAutoCommit(false);
      return new Recording(db, runId, apply(db, runId, startedAt));
    } catch (SQLException e) {
      closeQuietly(db);
      throw new IOException(
          "Could not record run " + runId + " in " + file + ": " + e.getMessage(), e);
    }
  }

  /** A snapshot's trials written to the history, uncommitted until {@link #commit}. */
  public final class Recording implements AutoCloseable {
    private final Connection db;
    private final String runId;
    private final boolean isNew;

    private Recording(Connection db, String runId, boolean isNew) {
      this.db = db;
      this.runId = runId;
      this.isNew = isNew;
    }

    /**
     * Commits the versions.
     *
     * @return whether the run was new to the history
     */
    public boolean commit() throws IOException {
      try {
        db.commit();
        return isNew;
      } catch (SQLException e) {
        throw new IOException(
            "Could not record run " + runId + " in " + file + ": " + e.getMessage(), e);
      }
    }

    /** Closes the history; what was not committed is rolled back. */
    @Override
    public void close() {
      closeQuietly(db);
    }
  }

  private static void closeQuietly(@Nullable Connection db) {
    if (db == null) {
      return;
    }
    try {
      // SQLite rolls back an open transaction when its connection closes.
      db.close();
    } catch (SQLException e) {
      // Nothing was committed, and the connection is gone either way.
    }
  }

  private static boolean apply(Connection db, String runId, String startedAt) throws SQLException {
    try (PreparedStatement known = db.prepareStatement("SELECT 1 FROM runs WHERE run_id = ?")) {
      known.setString(1, runId);
      try (ResultSet rs = known.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
    }
    String differs =
        VERSIONED.stream()
            .map(c -> "s." + c.columnName() + " IS NOT v." + c.columnName())
            .collect(Collectors.joining(" OR "));
    execute(db, "INSERT INTO runs (run_id, started_at) VALUES (?, ?)", runId, startedAt);
    execute(
        db,
        "UPDATE trial_versions AS v SET valid_to_run = ?, valid_to = ? WHERE valid_to_run IS NULL"
            + " AND NOT EXISTS (SELECT 1 FROM snap.trials s WHERE s.trial_id = v.trial_id AND NOT ("
            + differs
            + "))",
        runId,
        startedAt);
    execute(
        db,
        "INSERT INTO trial_versions (valid_from_run, valid_from, "
            + COLUMNS
            + ") SELECT ?, ?, "
            + COLUMNS
            + " FROM snap.trials s WHERE NOT EXISTS (SELECT 1 FROM trial_versions v"
            + " WHERE v.trial_id = s.trial_id AND v.valid_to_run IS NULL)",
        runId,
        startedAt);
    return true;
  }

  private static void createTables(Statement st) throws SQLException {
    String columns =
        VERSIONED.stream().map(HistoryStore::definition).collect(Collectors.joining(",\n  "));
    st.execute(
        "CREATE TABLE IF NOT EXISTS runs (run_id TEXT PRIMARY KEY, started_at TEXT NOT NULL)");
    st.execute(
        "CREATE TABLE IF NOT EXISTS trial_versions (\n"
            + "  valid_from_run TEXT NOT NULL REFERENCES runs (run_id),\n"
            + "  valid_from TEXT NOT NULL,\n"
            + "  valid_to_run TEXT REFERENCES runs (run_id),\n"
            + "  valid_to TEXT,\n  "
            + columns
            + ",\n  PRIMARY KEY (trial_id, valid_from_run))");
    st.execute(
        "CREATE INDEX IF NOT EXISTS trial_versions_current ON trial_versions (trial_id, valid_to_run)");
    PrimaryOutcomeVersions.create(st);
  }

  /**
   * Adds the columns that came after the history was created, empty in the versions before them: a
   * version written before a column existed does not say what it held.
   */
  private static void addNewColumns(Connection db, Statement st) throws SQLException {
    Set<String> had = Sql.columns(db, "trial_versions");
    for (TrialColumn c : VERSIONED) {
      if (!had.contains(c.columnName())) {
        st.execute("ALTER TABLE trial_versions ADD COLUMN " + definition(c));
      }
    }
  }

  private static String definition(TrialColumn c) {
    return c.columnName() + (c.type() == TrialColumn.Type.INTEGER ? " INTEGER" : " TEXT");
  }

  private static void execute(Connection db, String sql, String... values) throws SQLException {
    try (PreparedStatement st = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        st.setString(i + 1, values[i]);
      }
      st.executeUpdate();
    }
  }
}
