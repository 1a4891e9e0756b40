package org.mdmatrials.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.Change;
import org.mdmatrials.core.Registries;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.sink.ChangeColumn;

/**
 * A run's snapshot database while the run builds it: its {@link RecordTable registry records} as
 * they arrive, its {@link TrialTable trial rows}, then the changes since the previous snapshot and
 * the run itself. All of it is one transaction; the file is a published snapshot's {@code
 * trials.sqlite} only after {@link #finish}, and closing it unfinished leaves nothing in it.
 */
public final class StagingStore implements AutoCloseable {
  /** {@code PRAGMA user_version} of the schema written here. */
  public static final int SCHEMA_VERSION = 4;

  private final Connection db;
  private final RecordTable records;
  private final TrialTable trials;

  private StagingStore(Connection db, Registries registries) throws SQLException {
    this.db = db;
    this.records = new RecordTable(db, registries);
    this.trials = new TrialTable(db);
  }

  /**
   * Creates the file, which must not exist yet, with the schema and no rows.
   *
   * @param registries the registries whose records may be added, to read them back by
   */
  public static StagingStore create(Path file, Registries registries) throws IOException {
    if (Files.exists(file)) {
      throw new IOException(file + " exists already");
    }
    try {
      return create(Sql.open(file), registries);
    } catch (SQLException e) {
      throw Sql.failed("create " + file, e);
    }
  }

  private static StagingStore create(Connection db, Registries registries)
      throws SQLException, IOException {
    try (Statement st = db.createStatement()) {
      // The file is private until published and rebuilt from scratch after a crash: no journal
      // needed. Records are large (a registry's JSON each): bigger pages mean shorter overflow
      // chains.
      st.execute("PRAGMA page_size = 16384");
      st.execute("PRAGMA journal_mode = OFF");
      st.execute("PRAGMA synchronous = OFF");
      st.execute("PRAGMA user_version = " + SCHEMA_VERSION);
      db.setAutoCommit(false);
      st.execute(TrialTable.createStatement());
      for (String sql : Sql.statements("schema.sql")) {
        st.execute(sql);
      }
      return new StagingStore(db, registries);
    } catch (SQLException | IOException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  public RecordTable records() {
    return records;
  }

  public TrialTable trials() {
    return trials;
  }

  /**
   * Compares the trials so far with those of the previous snapshot and stores each difference in
   * the {@code changes} table.
   *
   * @param previous the previous snapshot's trials.sqlite, or null when there is none
   * @return how many changes of each type
   */
  public Map<Change.Type, Integer> writeChanges(@Nullable Path previous) throws IOException {
    try {
      return compare(previous);
    } catch (SQLException e) {
      throw Sql.failed("compare the trials with those of " + previous, e);
    }
  }

  private Map<Change.Type, Integer> compare(@Nullable Path previous)
      throws SQLException, IOException {
    flush();
    Map<Change.Type, Integer> counts = new EnumMap<>(Change.Type.class);
    try (Sql.Batch changes = new Sql.Batch(db, "changes", ChangeColumn.NAMES)) {
      SnapshotComparison.compare(
          db,
          previous,
          change -> {
            changes.add(
                change.trialId(),
                change.type().name(),
                change.field(),
                change.oldValue(),
                change.newValue());
            counts.merge(change.type(), 1, Integer::sum);
          });
      changes.flush();
    }
    return counts;
  }

  /**
   * Stores each trial whose primary outcomes differ from the first it is known to have had, in
   * {@code history} (which may not exist yet), in the {@code primary_outcome_changes} table.
   *
   * @return how many trials
   */
  public int writeOutcomeChanges(Path history) throws IOException {
    try {
      flush();
      return OutcomeChanges.write(db, history);
    } catch (SQLException e) {
      throw Sql.failed("compare the primary outcomes with those first known in " + history, e);
    }
  }

  /** A registry record whose trial studies MDMA, and that trial. */
  public record StudiedRecord(String recordId, String trialId) {}

  /**
   * The records of {@code registry} whose trial studies MDMA, by record id. The records are large
   * (their payloads) and not indexed yet: ask only when some trial studies MDMA.
   */
  public List<StudiedRecord> studiedRecords(Registry registry) throws IOException {
    try {
      flush();
      return Sql.list(
          db,
          "SELECT r.record_id, r.trial_id FROM source_records r JOIN trials t"
              + " ON t.trial_id = r.trial_id WHERE r.registry = ? AND t.mdma_role = 'INTERVENTION'"
              + " ORDER BY r.record_id",
          rs -> new StudiedRecord(rs.getString(1), rs.getString(2)),
          registry.code());
    } catch (SQLException e) {
      throw Sql.failed("list the MDMA trials' records of " + registry.displayName(), e);
    }
  }

  /** Records the run that wrote the snapshot. */
  public void writeRun(RunReport report) throws IOException {
    try {
      flush();
      RunTable.write(db, report);
    } catch (SQLException e) {
      throw Sql.failed("record the run in trials.sqlite", e);
    }
  }

  /** Creates the indexes, commits, and leaves the file in rollback-journal mode for readers. */
  public void finish() throws IOException {
    try {
      flush();
      try (Statement st = db.createStatement()) {
        for (String sql : Sql.statements("indexes.sql")) {
          st.execute(sql);
        }
        db.commit();
        db.setAutoCommit(true);
        st.execute("PRAGMA journal_mode = DELETE");
      }
      db.close();
    } catch (SQLException e) {
      throw Sql.failed("finish trials.sqlite", e);
    }
  }

  /** Closes the file; unless {@link #finish} ran, what was added is rolled back. */
  @Override
  public void close() throws IOException {
    try {
      if (!db.isClosed()) {
        db.rollback();
        db.close();
      }
    } catch (SQLException e) {
      throw Sql.failed("close trials.sqlite", e);
    }
  }

  private void flush() throws SQLException {
    records.flush();
    trials.flush();
  }
}
