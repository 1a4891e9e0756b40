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
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mdmatrials.core.CategoryMatch;
import org.mdmatrials.core.Change;
import org.mdmatrials.core.Indication;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.Registries;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.Trial;
import org.mdmatrials.sink.TrialColumn;
import org.mdmatrials.sink.TrialRow;

/**
 * Writes {@code trials.sqlite}: every registry record as it arrives ({@link #addRecord}, or carried
 * over from the previous snapshot) with its trial row ({@link #addTrial}); then, for records found
 * to name one trial, their rows replaced by one merged row; then the changes and the run. All of it
 * is one transaction; the file is usable only after {@link #finish}.
 */
public final class SqliteSnapshotWriter implements AutoCloseable {
  /** {@code PRAGMA user_version} of the schema written here. */
  public static final int SCHEMA_VERSION = 1;

  /** The source status of a record fetched in the run that wrote the snapshot. */
  public static final String FRESH = "fresh";

  private static final int BATCH = 1000;
  private static final Pattern SPACE = Pattern.compile(" ");
  private static final List<TrialColumn> COLUMNS = List.of(TrialColumn.values());
  private static final List<String> RECORD_COLUMNS =
      List.of(
          "record_key",
          "registry",
          "record_id",
          "trial_id",
          "last_update_posted",
          "source_status",
          "registry_ids",
          "record",
          "payload");

  private final Connection db;
  private final Registries registries;
  private final PreparedStatement records;
  private final PreparedStatement recordTrials;
  private final PreparedStatement trials;
  private final PreparedStatement conditions;
  private final PreparedStatement interventions;
  private final PreparedStatement categories;
  private final PreparedStatement secondaryIds;
  private final Set<String> recordIds = new HashSet<>();
  private int nextKey;
  private int pending;

  private SqliteSnapshotWriter(Connection db, Registries registries) throws SQLException {
    this.db = db;
    this.registries = registries;
    // The record and the payload, the last two columns, are bound as UTF-8 bytes and stored as
    // the text they are.
    records =
        db.prepareStatement(
            "INSERT INTO source_records ("
                + String.join(", ", RECORD_COLUMNS)
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), CAST(? AS TEXT))");
    recordTrials =
        db.prepareStatement("UPDATE source_records SET trial_id = ? WHERE record_key = ?");
    trials = db.prepareStatement(insert("trials", TrialColumn.NAMES));
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
  }

  /**
   * Creates the file, which must not exist yet, with the schema and no rows.
   *
   * @param registries the registries whose records may be added, to read them back by
   */
  public static SqliteSnapshotWriter create(Path file, Registries registries)
      throws SQLException, IOException {
    if (Files.exists(file)) {
      throw new IOException(file + " exists already");
    }
    Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement st = db.createStatement()) {
      // The file is private until published and rebuilt from scratch after a crash: no journal
      // needed.
      // Records are large (a registry's JSON each): bigger pages mean shorter overflow chains.
      st.execute("PRAGMA page_size = 16384");
      st.execute("PRAGMA journal_mode = OFF");
      st.execute("PRAGMA synchronous = OFF");
      st.execute("PRAGMA user_version = " + SCHEMA_VERSION);
      db.setAutoCommit(false);
      st.execute(createTrialsTable());
      for (String sql : statements("schema.sql")) {
        st.execute(sql);
      }
      return new SqliteSnapshotWriter(db, registries);
    } catch (SQLException | IOException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * Adds a registry record: the common record, the registry's payload, its normalised registry ids,
   * and whether it is fresh or carried over.
   *
   * @return the record's key (0, 1, 2 … in the order added), or -1, adding nothing, when this
   *     registry's record with this id was added before
   */
  public int addRecord(Trial trial, Payload payload, Set<String> registryIds, String sourceStatus)
      throws SQLException {
    if (!recordIds.add(trial.registry() + " " + trial.trialId())) {
      return -1;
    }
    return addRecordRow(
        trial.registry().code(),
        trial.trialId(),
        trial.trialId(),
        text(trial.dates().lastUpdatePosted()),
        sourceStatus,
        String.join(" ", registryIds),
        TrialJson.write(trial),
        payload.utf8());
  }

  /**
   * Copies one registry's records from a previous snapshot, all but those named in {@code except}
   * (records fetched again this run). A record that was fresh there is marked {@code freshStatus};
   * one already carried over keeps its mark, and so the date of its data.
   *
   * @param copied told each copied record's key and normalised registry ids
   * @return how many records were copied
   */
  public int carryOver(
      Path previous, Registry registry, Set<String> except, String freshStatus, CopiedRecord copied)
      throws SQLException, IOException {
    flush();
    int count = 0;
    try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + previous + "?open_mode=1");
        PreparedStatement select =
            old.prepareStatement(
                "SELECT record_id, last_update_posted, registry_ids, record, payload, source_status"
                    + " FROM source_records WHERE registry = ? ORDER BY record_key")) {
      select.setString(1, registry.code());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          if (except.contains(id) || !recordIds.add(registry + " " + id)) {
            continue;
          }
          String ids = rs.getString(3);
          String status = FRESH.equals(rs.getString(6)) ? freshStatus : rs.getString(6);
          byte[] record = rs.getBytes(4);
          Trial trial = TrialJson.read(record, registry + " " + id, registries);
          int key =
              addRecordRow(
                  registry.code(),
                  id,
                  trial.trialId(),
                  rs.getString(2),
                  status,
                  ids,
                  record,
                  rs.getBytes(5));
          copied.copied(
              key,
              trial,
              SPACE.splitAsStream(ids).filter(i -> !i.isEmpty()).collect(Collectors.toSet()),
              status);
          count++;
        }
      }
    }
    return count;
  }

  /** The stored records with these keys, with their source status, in key order. */
  public List<StoredRecord> records(List<Integer> keys) throws SQLException, IOException {
    flush();
    List<StoredRecord> found = new ArrayList<>();
    String marks = String.join(", ", keys.stream().map(k -> "?").toList());
    try (PreparedStatement st =
        db.prepareStatement(
            "SELECT record_key, registry, record_id, record, source_status FROM source_records"
                + " WHERE record_key IN ("
                + marks
                + ") ORDER BY record_key")) {
      for (int i = 0; i < keys.size(); i++) {
        st.setInt(i + 1, keys.get(i));
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Trial trial =
              TrialJson.read(rs.getBytes(4), rs.getString(2) + " " + rs.getString(3), registries);
          found.add(new StoredRecord(rs.getInt(1), trial, rs.getString(5)));
        }
      }
    }
    return found;
  }

  /** A stored registry record: its key, the common record, and whether it is fresh. */
  public record StoredRecord(int key, Trial trial, String sourceStatus) {}

  /** Removes a trial's row and its parts, leaving its registry records. */
  public void removeTrial(String trialId) throws SQLException {
    flush();
    for (String table :
        List.of(
            "trials",
            "trial_conditions",
            "trial_interventions",
            "trial_categories",
            "trial_secondary_ids")) {
      try (PreparedStatement st =
          db.prepareStatement("DELETE FROM " + table + " WHERE trial_id = ?")) {
        st.setString(1, trialId);
        st.executeUpdate();
      }
    }
  }

  /** Files the records with {@code keys} under the trial row {@code trialId}. */
  public void assignRecords(String trialId, List<Integer> keys) throws SQLException {
    for (int key : keys) {
      addBatch(recordTrials, trialId, key);
    }
    countAndFlush();
  }

  /** How many trial rows there are, and how many that study MDMA per primary category. */
  public TrialCounts countTrials() throws SQLException {
    flush();
    Map<Indication, Integer> studied = new EnumMap<>(Indication.class);
    int trials;
    try (Statement st = db.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM trials")) {
        rs.next();
        trials = rs.getInt(1);
      }
      try (ResultSet rs =
          st.executeQuery(
              "SELECT primary_category, count(*) FROM trials WHERE mdma_role = 'INTERVENTION'"
                  + " GROUP BY primary_category")) {
        while (rs.next()) {
          studied.put(Indication.valueOf(rs.getString(1)), rs.getInt(2));
        }
      }
    }
    return new TrialCounts(trials, studied);
  }

  /** The number of trial rows, and of those studying MDMA by primary category. */
  public record TrialCounts(int trials, Map<Indication, Integer> studiedByCategory) {}

  /** Adds a trial row. */
  public void addTrial(TrialRow row) throws SQLException {
    Trial trial = row.trial();
    String id = trial.trialId();
    for (int i = 0; i < COLUMNS.size(); i++) {
      bind(trials, i + 1, COLUMNS.get(i).valueOf(row));
    }
    trials.addBatch();
    addConditions(id, trial.topic().conditions());
    addInterventions(id, trial.arms().interventions());
    addCategories(id, row.classification().categories());
    addSecondaryIds(id, trial.secondaryIds());
    countAndFlush();
  }

  /** The columns of the {@code changes} table and of {@code changes.csv}, in order. */
  public static final List<String> CHANGE_COLUMNS =
      List.of("trial_id", "change", "field", "old_value", "new_value");

  /**
   * Compares the trials added so far with those of the previous snapshot and stores each difference
   * in the {@code changes} table.
   *
   * @param previous the previous snapshot's trials.sqlite, or null when there is none
   * @return how many changes of each type
   */
  public Map<Change.Type, Integer> writeChanges(Path previous) throws SQLException, IOException {
    flush();
    Map<Change.Type, Integer> counts = new EnumMap<>(Change.Type.class);
    try (PreparedStatement insert = db.prepareStatement(insert("changes", CHANGE_COLUMNS))) {
      SnapshotComparison.compare(
          db,
          previous,
          change -> {
            addBatch(
                insert,
                change.trialId(),
                change.type().name(),
                change.field(),
                change.oldValue(),
                change.newValue());
            counts.merge(change.type(), 1, Integer::sum);
          });
      insert.executeBatch();
    }
    return counts;
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
                        "carried_over",
                        "last_full_harvest",
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
            result.registry().code(),
            s == null ? null : s.query(),
            s == null ? null : (s.full() ? 1 : 0),
            s == null ? null : s.sourceVersion(),
            s == null ? null : s.expected(),
            s == null ? null : s.received(),
            s == null ? null : s.skipped(),
            s == null ? null : s.pages(),
            result.carriedOver(),
            result.lastFullHarvest() == null ? null : result.lastFullHarvest().toString(),
            result.error());
      }
      source.executeBatch();
      for (SkippedRecord r : report.skipped()) {
        addBatch(
            skipped,
            report.runId(),
            r.registry().code(),
            r.trialId(),
            r.page(),
            r.position(),
            r.path(),
            r.problem());
      }
      skipped.executeBatch();
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

  /** Told of each record copied from a previous snapshot. */
  @FunctionalInterface
  public interface CopiedRecord {
    void copied(int key, Trial trial, Set<String> registryIds, String sourceStatus)
        throws IOException;
  }

  private int addRecordRow(Object... values) throws SQLException {
    int key = nextKey++;
    Object[] row = new Object[values.length + 1];
    row[0] = key;
    System.arraycopy(values, 0, row, 1, values.length);
    addBatch(records, row);
    countAndFlush();
    return key;
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

  private void countAndFlush() throws SQLException {
    if (++pending >= BATCH) {
      flush();
    }
  }

  private void flush() throws SQLException {
    for (PreparedStatement st :
        List.of(
            records, trials, conditions, interventions, categories, secondaryIds, recordTrials)) {
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
    } else if (value instanceof byte[] utf8) {
      st.setBytes(index, utf8);
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
