package org.mdmatrials.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.Outcome;
import org.mdmatrials.core.OutcomeHistory;
import org.mdmatrials.core.Registry;

/**
 * The back-filled history of primary outcomes in history.sqlite: {@code primary_outcome_versions},
 * a trial's primary outcomes through the versions its registry published, read from its record
 * history, the first registered first; and {@code record_history_reads}, each record asked for,
 * when, and what went wrong if something did. Kept once read, whether or not the run that read them
 * publishes: they are the registry's own past, and reading them again would spend its requests for
 * nothing.
 */
public final class PrimaryOutcomeVersions {
  private static final List<String> CREATE =
      List.of(
          """
          CREATE TABLE IF NOT EXISTS primary_outcome_versions (
            trial_id         TEXT NOT NULL,
            registry         TEXT NOT NULL,
            record_id        TEXT NOT NULL,
            version          INTEGER NOT NULL,
            version_date     TEXT NOT NULL,
            primary_outcomes TEXT,
            PRIMARY KEY (registry, record_id, version))""",
          """
          CREATE TABLE IF NOT EXISTS record_history_reads (
            registry    TEXT NOT NULL,
            record_id   TEXT NOT NULL,
            trial_id    TEXT NOT NULL,
            read_by_run TEXT NOT NULL,
            versions    INTEGER,
            problem     TEXT,
            PRIMARY KEY (registry, record_id))""");

  /**
   * What was asked of one registry so far: the records read, and those whose reading failed, with
   * the run that last tried.
   */
  public record Reads(Set<String> read, Map<String, String> failedByRun) {
    public Reads {
      read = Set.copyOf(read);
      failedByRun = Map.copyOf(failedByRun);
    }
  }

  private final Path file;

  /** The back-filled history kept in {@code file}, history.sqlite. */
  public PrimaryOutcomeVersions(Path file) {
    this.file = file;
  }

  /** Creates the tables where they are missing. */
  static void create(Statement st) throws SQLException {
    for (String sql : CREATE) {
      st.execute(sql);
    }
  }

  /** What was asked of {@code registry} so far. */
  public Reads reads(Registry registry) throws IOException {
    if (!Files.isRegularFile(file)) {
      return new Reads(Set.of(), Map.of());
    }
    try (Connection db = Sql.openReadOnly(file)) {
      Set<String> read = new HashSet<>();
      Map<String, String> failed = new HashMap<>();
      if (Sql.columns(db, "record_history_reads").contains("problem")) {
        for (String[] row :
            Sql.list(
                db,
                "SELECT record_id, read_by_run, problem IS NULL FROM record_history_reads"
                    + " WHERE registry = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                registry.code())) {
          if ("1".equals(row[2])) {
            read.add(row[0]);
          } else {
            failed.put(row[0], row[1]);
          }
        }
      }
      return new Reads(read, failed);
    } catch (SQLException e) {
      throw Sql.failed("read what was asked of " + registry.displayName() + " in " + file, e);
    }
  }

  /** Keeps that reading the record of {@code trialId} failed, and why. */
  public void failed(
      String trialId, Registry registry, String recordId, String runId, String problem)
      throws IOException {
    write(trialId, registry, recordId, runId, null, problem);
  }

  /** Keeps the versions of the record of {@code trialId}, in one transaction. */
  public void add(String trialId, Registry registry, OutcomeHistory history, String runId)
      throws IOException {
    write(trialId, registry, history.recordId(), runId, history, null);
  }

  private void write(
      String trialId,
      Registry registry,
      String recordId,
      String runId,
      @Nullable OutcomeHistory history,
      @Nullable String problem)
      throws IOException {
    try (Connection db = Sql.open(file)) {
      try (Statement st = db.createStatement()) {
        create(st);
      }
      db.setAutoCommit(false);
      Sql.execute(
          db,
          "INSERT OR REPLACE INTO record_history_reads (registry, record_id, trial_id,"
              + " read_by_run, versions, problem) VALUES (?, ?, ?, ?, ?, ?)",
          registry.code(),
          recordId,
          trialId,
          runId,
          history == null ? null : history.versions().size(),
          problem);
      if (history == null) {
        db.commit();
        return;
      }
      try (Sql.Batch rows =
          new Sql.Batch(
              db,
              "INSERT OR REPLACE INTO primary_outcome_versions (trial_id, registry, record_id,"
                  + " version, version_date, primary_outcomes) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (OutcomeHistory.Version v : history.versions()) {
          rows.add(
              trialId,
              registry.code(),
              history.recordId(),
              v.number(),
              v.date().toString(),
              Outcome.cell(v.primaryOutcomes()));
        }
        rows.flush();
      }
      db.commit();
    } catch (SQLException e) {
      throw Sql.failed("keep the record history of " + trialId + " in " + file, e);
    }
  }
}
