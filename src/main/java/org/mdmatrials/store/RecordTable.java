package org.mdmatrials.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.Registries;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SourceStatus;
import org.mdmatrials.core.Trial;

/**
 * {@code source_records}: every registry record of the snapshot, as its registry sent it and as
 * mapped onto the common trial, with the source it came through, its normalised registry ids,
 * whether it is fresh or carried over, and the trial row it went into. Records are numbered 0, 1, 2
 * … in the order they are added; a registry's record with one id is held once, whichever source
 * brought it.
 *
 * <p>The source is the registry harvested: the record's own registry, or a platform gathering
 * several registries' records (WHO's ICTRP). A snapshot written before sources were kept (schema
 * version 2) is read as if each record came through its own registry.
 */
public final class RecordTable {
  private static final Pattern SPACE = Pattern.compile(" ");
  private static final List<String> COLUMNS =
      List.of(
          "record_key",
          "source",
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
  private final Sql.Batch records;
  private final Sql.Batch assignments;
  private final Set<String> added = new HashSet<>();
  private int nextKey;

  RecordTable(Connection db, Registries registries) throws SQLException {
    this.db = db;
    this.registries = registries;
    // The record and the payload, the last two columns, are bound as UTF-8 bytes and stored as the
    // text they are.
    this.records =
        new Sql.Batch(
            db,
            "INSERT INTO source_records ("
                + String.join(", ", COLUMNS)
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), CAST(? AS TEXT))");
    this.assignments =
        new Sql.Batch(db, "UPDATE source_records SET trial_id = ? WHERE record_key = ?");
  }

  /**
   * Adds a registry record: the source it came through, the common record, the registry's payload,
   * its normalised registry ids, and whether it is fresh or carried over.
   *
   * @return the record's key, or -1, adding nothing, when this registry's record with this id was
   *     added before, through this source or another
   */
  public int add(
      Registry source, Trial trial, Payload payload, Set<String> registryIds, SourceStatus status)
      throws IOException {
    if (!added.add(trial.registry().code() + " " + trial.trialId())) {
      return -1;
    }
    var updated = trial.dates().lastUpdatePosted();
    try {
      return addRow(
          source.code(),
          trial.registry().code(),
          trial.trialId(),
          trial.trialId(),
          updated == null ? null : updated.toString(),
          status.text(),
          String.join(" ", registryIds),
          TrialJson.write(trial),
          payload.utf8());
    } catch (SQLException e) {
      throw Sql.failed("store " + trial.trialId() + " in trials.sqlite", e);
    }
  }

  /** Told of each record copied from a previous snapshot. */
  @FunctionalInterface
  public interface CopiedRecord {
    void copied(int key, Trial trial, Set<String> registryIds, SourceStatus status)
        throws IOException;
  }

  /**
   * Copies the records that came through {@code source} in a previous snapshot, all but those of a
   * registry and id added already (fetched again this run, through this source or another). A
   * record that was fresh there is marked {@code whenFresh}; one already carried over keeps its
   * mark, and so the time of its data.
   *
   * @return how many records were copied
   */
  public int carryOver(Path previous, Registry source, SourceStatus whenFresh, CopiedRecord copied)
      throws IOException {
    try {
      return copy(previous, source, whenFresh, copied);
    } catch (SQLException e) {
      throw Sql.failed("carry the records of " + source + " over from " + previous, e);
    }
  }

  private int copy(Path previous, Registry source, SourceStatus whenFresh, CopiedRecord copied)
      throws SQLException, IOException {
    int count = 0;
    try (Connection old = Sql.openReadOnly(previous);
        PreparedStatement select =
            old.prepareStatement(
                "SELECT registry, record_id, last_update_posted, registry_ids, record, payload,"
                    + " source_status FROM source_records WHERE "
                    + sourceColumn(old)
                    + " = ? ORDER BY record_key")) {
      select.setString(1, source.code());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String registry = rs.getString(1);
          String id = rs.getString(2);
          if (!added.add(registry + " " + id)) {
            continue;
          }
          SourceStatus before = SourceStatus.parse(rs.getString(7));
          SourceStatus status = before instanceof SourceStatus.Fresh ? whenFresh : before;
          String ids = rs.getString(4);
          byte[] record = rs.getBytes(5);
          Trial trial = TrialJson.read(record, registry + " " + id, registries);
          int key =
              addRow(
                  source.code(),
                  registry,
                  id,
                  trial.trialId(),
                  rs.getString(3),
                  status.text(),
                  ids,
                  record,
                  rs.getBytes(6));
          copied.copied(key, trial, idSet(ids), status);
          count++;
        }
      }
    }
    return count;
  }

  /**
   * The column naming the source a record came through in {@code db}: {@code source}, or in a
   * snapshot written before sources were kept, {@code registry}, each record's own.
   */
  private static String sourceColumn(Connection db) throws SQLException, IOException {
    boolean kept =
        !Sql.list(
                db,
                "SELECT name FROM pragma_table_info('source_records') WHERE name = 'source'",
                rs -> rs.getString(1))
            .isEmpty();
    return kept ? "source" : "registry";
  }

  /** A stored registry record: its key, the common record, and whether it is fresh. */
  public record Stored(int key, Trial trial, SourceStatus status) {}

  /** The stored records with these keys, in key order. */
  public List<Stored> read(List<Integer> keys) throws IOException {
    String marks = String.join(", ", keys.stream().map(k -> "?").toList());
    try {
      flush();
      return Sql.list(
          db,
          "SELECT record_key, registry, record_id, record, source_status FROM source_records"
              + " WHERE record_key IN ("
              + marks
              + ") ORDER BY record_key",
          rs ->
              new Stored(
                  rs.getInt(1),
                  TrialJson.read(
                      rs.getBytes(4), rs.getString(2) + " " + rs.getString(3), registries),
                  SourceStatus.parse(rs.getString(5))),
          keys.toArray());
    } catch (SQLException e) {
      throw Sql.failed("read the records " + keys + " back from trials.sqlite", e);
    }
  }

  /** Files the records with {@code keys} under the trial row {@code trialId}. */
  public void assign(String trialId, List<Integer> keys) throws IOException {
    try {
      for (int key : keys) {
        assignments.add(trialId, key);
      }
    } catch (SQLException e) {
      throw Sql.failed("file the records of " + trialId + " in trials.sqlite", e);
    }
  }

  void flush() throws SQLException {
    records.flush();
    assignments.flush();
  }

  private int addRow(@Nullable Object... values) throws SQLException {
    int key = nextKey++;
    @Nullable Object[] row = new Object[values.length + 1];
    row[0] = key;
    System.arraycopy(values, 0, row, 1, values.length);
    records.add(row);
    return key;
  }

  /** The ids as stored, in the order the record gave them: a row's linked ids keep that order. */
  private static Set<String> idSet(String ids) {
    return SPACE
        .splitAsStream(ids)
        .filter(i -> !i.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
