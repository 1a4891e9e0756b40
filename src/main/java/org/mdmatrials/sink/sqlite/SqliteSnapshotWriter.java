package org.mdmatrials.sink.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.mdmatrials.core.CategoryMatch;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.Trial;
import org.mdmatrials.sink.TrialColumn;
import org.mdmatrials.sink.TrialRow;

/**
 * Writes {@code trials.sqlite}: every trial with its conditions, interventions, categories,
 * secondary ids and registry payload, then the run. All of it is one transaction; the file is
 * usable only after {@link #finish}.
 */
public final class SqliteSnapshotWriter implements AutoCloseable {
  /** {@code PRAGMA user_version} of the schema written here. */
  public static final int SCHEMA_VERSION = 1;

  private static final int BATCH = 1000;
  private static final List<TrialColumn> COLUMNS = List.of(TrialColumn.values());

  private final Connection db;
  private final PreparedStatement trials;
  private final PreparedStatement conditions;
  private final PreparedStatement interventions;
  private final PreparedStatement categories;
  private final PreparedStatement secondaryIds;
  private final PreparedStatement sourceRecords;
  private final Set<String> trialIds = new HashSet<>();
  private int pending;

  private SqliteSnapshotWriter(Connection db) throws SQLException {
    this.db = db;
    trials =
        db.prepareStatement(
            insert("trials", COLUMNS.stream().map(TrialColumn::columnName).toList()));
    conditions =
        db.prepareStatement(
            insert("trial_conditions", List.of("trial_id", "position", "condition")));
    interventions =
        db.prepareStatement(
            insert(
                "trial_interventions",
                List.of("trial_id", "position", "type", "name", "other_names")));
    categories =
        db.prepareStatement(
            insert("trial_categories", List.of("trial_id", "category", "is_primary", "evidence")));
    secondaryIds =
        db.prepareStatement(
            insert(
                "trial_secondary_ids",
                List.of("trial_id", "position", "id_type", "secondary_id", "domain")));
    sourceRecords =
        db.prepareStatement(
            insert(
                "source_records",
                List.of("registry", "record_id", "trial_id", "last_update_posted", "payload")));
  }

  /** Creates the file, which must not exist yet, with the schema and no rows. */
  public static SqliteSnapshotWriter create(Path file) throws SQLException, IOException {
    if (Files.exists(file)) {
      throw new IOException(file + " exists already");
    }
    Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement st = db.createStatement()) {
      // The file is private until published and rebuilt from scratch after a crash: no journal
      // needed.
      st.execute("PRAGMA journal_mode = OFF");
      st.execute("PRAGMA synchronous = OFF");
      st.execute("PRAGMA user_version = " + SCHEMA_VERSION);
      db.setAutoCommit(false);
      st.execute(createTrialsTable());
      for (String sql : statements("schema.sql")) {
        st.execute(sql);
      }
      return new SqliteSnapshotWriter(db);
    } catch (SQLException | IOException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * Adds a trial with its registry payload.
   *
   * @return false, adding nothing, when a trial with this id was added before
   */
  public boolean add(TrialRow row, String payload) throws SQLException {
    Trial trial = row.trial();
    String id = trial.trialId();
    if (!trialIds.add(id)) {
      return false;
    }
    for (int i = 0; i < COLUMNS.size(); i++) {
      bind(trials, i + 1, COLUMNS.get(i).valueOf(row));
    }
    trials.addBatch();
    addConditions(id, trial.conditions());
    addInterventions(id, trial.interventions());
    addCategories(id, row.classification().categories());
    addSecondaryIds(id, trial.secondaryIds());
    addBatch(
        sourceRecords, trial.registry().name(), id, id, text(trial.lastUpdatePosted()), payload);
    if (++pending >= BATCH) {
      flush();
    }
    return true;
  }

  /** Records the run; the report's trials and counts are stored as given. */
  public void writeRun(RunReport report) throws SQLException {
    flush();
    try (PreparedStatement run =
            db.prepareStatement(
                insert(
                    "runs",
                    List.of(
                        "run_id",
                        "started_at",
                        "finished_at",
                        "exit_code",
                        "trials",
                        "skipped",
                        "retries_by_host",
                        "errors")));
        PreparedStatement source =
            db.prepareStatement(
                insert(
                    "run_sources",
                    List.of(
                        "run_id",
                        "registry",
                        "query",
                        "full_harvest",
                        "source_version",
                        "expected",
                        "received",
                        "skipped",
                        "pages",
                        "error")));
        PreparedStatement skipped =
            db.prepareStatement(
                insert(
                    "run_skipped_records",
                    List.of(
                        "run_id",
                        "registry",
                        "trial_id",
                        "page",
                        "position",
                        "path",
                        "problem")))) {
      addBatch(
          run,
          report.runId(),
          report.startedAt().toString(),
          report.finishedAt().toString(),
          report.exitCode(),
          report.trials(),
          report.skipped().size(),
          report.retriesByHost().isEmpty()
              ? null
              : report.retriesByHost().entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining("; ")),
          report.errors().isEmpty() ? null : String.join("\n", report.errors()));
      run.executeBatch();
      for (RunReport.SourceResult result : report.sources()) {
        var s = result.summary();
        addBatch(
            source,
            report.runId(),
            result.registry().name(),
            s == null ? null : s.query(),
            s == null ? null : (s.full() ? 1 : 0),
            s == null ? null : s.sourceVersion(),
            s == null ? null : s.expected(),
            s == null ? null : s.received(),
            s == null ? null : s.skipped(),
            s == null ? null : s.pages(),
            result.error());
      }
      source.executeBatch();
      for (SkippedRecord r : report.skipped()) {
        addBatch(
            skipped,
            report.runId(),
            r.registry().name(),
            r.trialId(),
            r.page(),
            r.position(),
            r.path(),
            r.problem());
      }
      skipped.executeBatch();
    }
  }

  /** Hands every trial's cells to {@code handler} in {@link TrialColumn} order, by trial id. */
  public void forEachTrial(RowHandler handler) throws SQLException, IOException {
    flush();
    String columns =
        COLUMNS.stream().map(TrialColumn::columnName).collect(Collectors.joining(", "));
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + columns + " FROM trials ORDER BY trial_id")) {
      Object[] row = new Object[COLUMNS.size()];
      while (rs.next()) {
        for (int i = 0; i < row.length; i++) {
          row[i] = rs.getObject(i + 1);
        }
        handler.row(Arrays.asList(row));
      }
    }
  }

  /** Creates the indexes, commits, and leaves the file in rollback-journal mode for readers. */
  public void finish() throws SQLException, IOException {
    flush();
    try (Statement st = db.createStatement()) {
      for (String sql : statements("indexes.sql")) {
        st.execute(sql);
      }
      db.commit();
      db.setAutoCommit(true);
      st.execute("PRAGMA journal_mode = DELETE");
    }
    db.close();
  }

  /** Closes the file; unless {@link #finish} ran, what was added is rolled back. */
  @Override
  public void close() throws SQLException {
    if (!db.isClosed()) {
      db.rollback();
      db.close();
    }
  }

  /** Receives one trial's cells. */
  @FunctionalInterface
  public interface RowHandler {
    void row(List<Object> cells) throws IOException;
  }

  private void addConditions(String id, List<String> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      addBatch(conditions, id, i + 1, values.get(i));
    }
  }

  private void addInterventions(String id, List<Intervention> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Intervention v = values.get(i);
      String others = v.otherNames().isEmpty() ? null : String.join("; ", v.otherNames());
      addBatch(interventions, id, i + 1, v.type(), v.name(), others);
    }
  }

  private void addCategories(String id, List<CategoryMatch> matches) throws SQLException {
    for (int i = 0; i < matches.size(); i++) {
      CategoryMatch m = matches.get(i);
      String evidence = m.evidence().isEmpty() ? null : m.describeEvidence();
      addBatch(categories, id, m.category().name(), i == 0 ? 1 : 0, evidence);
    }
  }

  private void addSecondaryIds(String id, List<SecondaryId> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      SecondaryId v = values.get(i);
      addBatch(secondaryIds, id, i + 1, v.type(), v.id(), v.domain());
    }
  }

  private void flush() throws SQLException {
    for (PreparedStatement st :
        List.of(trials, conditions, interventions, categories, secondaryIds, sourceRecords)) {
      st.executeBatch();
    }
    pending = 0;
  }

  private static void addBatch(PreparedStatement st, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      bind(st, i + 1, values[i]);
    }
    st.addBatch();
  }

  private static void bind(PreparedStatement st, int index, Object value) throws SQLException {
    if (value == null) {
      st.setNull(index, Types.NULL);
    } else if (value instanceof Integer number) {
      st.setInt(index, number);
    } else {
      st.setString(index, value.toString());
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static String insert(String table, List<String> columns) {
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", columns)
        + ") VALUES ("
        + String.join(", ", columns.stream().map(c -> "?").toList())
        + ")";
  }

  private static String createTrialsTable() {
    List<String> columns = new ArrayList<>();
    for (TrialColumn c : COLUMNS) {
      String type = c.type() == TrialColumn.Type.INTEGER ? "INTEGER" : "TEXT";
      columns.add(c.columnName() + " " + type + (c == TrialColumn.TRIAL_ID ? " PRIMARY KEY" : ""));
    }
    return "CREATE TABLE trials (\n  " + String.join(",\n  ", columns) + "\n)";
  }

  private static List<String> statements(String resource) throws IOException {
    try (InputStream in = SqliteSnapshotWriter.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing resource " + resource);
      }
      String sql =
          new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
      return Arrays.stream(sql.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
  }
}
