package org.mdmatrials.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One trial as a snapshot and the history hold it, for a researcher asking why it was sorted as it
 * was: its row, its categories with their evidence, the registry records it was joined from, each
 * version it had in the snapshots so far with what changed, and its primary outcomes through the
 * versions its registry published before, where they were back-filled.
 *
 * @param fields the trial's row, column by column, in the table's order; empty values left out
 */
public record TrialDossier(
    String trialId,
    List<Field> fields,
    List<Category> categories,
    List<SourceRecord> records,
    List<Version> versions,
    List<RegisteredOutcomes> registered) {

  public TrialDossier {
    fields = List.copyOf(fields);
    categories = List.copyOf(categories);
    records = List.copyOf(records);
    versions = List.copyOf(versions);
    registered = List.copyOf(registered);
  }

  /**
   * The primary outcomes of one version the registry published: its number there (0 the first
   * registered), its day, and the outcomes (null when it registered none).
   */
  public record RegisteredOutcomes(
      String registry, int version, String date, @Nullable String primaryOutcomes) {}

  /** One column of the row. */
  public record Field(String name, String value) {}

  /** A category the trial fits, whether it is the primary one, and the text that matched. */
  public record Category(String category, boolean primary, @Nullable String evidence) {}

  /** A registry's record of the trial and whether it was fetched this run or carried over. */
  public record SourceRecord(
      String registry, String recordId, String sourceStatus, @Nullable String lastUpdatePosted) {}

  /**
   * A version of the trial: the runs it was published by, and the fields that differ from the
   * version before (none for the first).
   *
   * @param validToRun null while the version is current
   */
  public record Version(
      String validFromRun,
      String validFrom,
      @Nullable String validToRun,
      @Nullable String validTo,
      List<FieldChange> changes) {
    public Version {
      changes = List.copyOf(changes);
    }
  }

  /** A field's value before and after. */
  public record FieldChange(String field, @Nullable String before, @Nullable String after) {}

  /**
   * The trial that any of {@code ids} names: its own id, or a registry record or linked id of it.
   *
   * @param snapshot a published {@code trials.sqlite}
   * @param history {@code history.sqlite}; the versions are empty when it does not exist
   */
  public static Optional<TrialDossier> find(Path snapshot, Path history, Collection<String> ids)
      throws IOException {
    try (Connection db = open(snapshot)) {
      String trialId = resolve(db, ids);
      if (trialId == null) {
        return Optional.empty();
      }
      boolean kept = Files.isRegularFile(history);
      return Optional.of(
          new TrialDossier(
              trialId,
              fields(db, trialId),
              categories(db, trialId),
              records(db, trialId),
              kept ? versions(history, trialId) : List.of(),
              kept ? registered(history, trialId) : List.of()));
    } catch (SQLException e) {
      throw new IOException("Cannot read " + snapshot + ": " + e.getMessage(), e);
    }
  }

  private static @Nullable String resolve(Connection db, Collection<String> ids)
      throws SQLException {
    List<String> queries =
        List.of(
            "SELECT trial_id FROM trials WHERE trial_id = ? COLLATE NOCASE",
            "SELECT trial_id FROM source_records WHERE record_id = ? COLLATE NOCASE"
                + " AND trial_id IS NOT NULL",
            "SELECT trial_id FROM source_records WHERE trial_id IS NOT NULL"
                + " AND instr(' ' || registry_ids || ' ', ' ' || ? || ' ') > 0");
    for (String sql : queries) {
      for (String id : ids) {
        String found = first(db, sql, id);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static List<Field> fields(Connection db, String trialId) throws SQLException {
    List<Field> fields = new ArrayList<>();
    row(db, "SELECT * FROM trials WHERE trial_id = ?", trialId)
        .forEach(
            (name, value) -> {
              if (value != null && !value.isEmpty()) {
                fields.add(new Field(name, value));
              }
            });
    return fields;
  }

  private static List<Category> categories(Connection db, String trialId) throws SQLException {
    List<Category> categories = new ArrayList<>();
    try (PreparedStatement st =
        db.prepareStatement(
            "SELECT category, is_primary, evidence FROM trial_categories WHERE trial_id = ?"
                + " ORDER BY is_primary DESC, rowid")) {
      st.setString(1, trialId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          categories.add(new Category(rs.getString(1), rs.getInt(2) == 1, rs.getString(3)));
        }
      }
    }
    return categories;
  }

  private static List<SourceRecord> records(Connection db, String trialId) throws SQLException {
    List<SourceRecord> records = new ArrayList<>();
    try (PreparedStatement st =
        db.prepareStatement(
            "SELECT registry, record_id, source_status, last_update_posted FROM source_records"
                + " WHERE trial_id = ? ORDER BY record_key")) {
      st.setString(1, trialId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          records.add(
              new SourceRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return records;
  }

  private static List<Version> versions(Path history, String trialId) throws IOException {
    List<Version> versions = new ArrayList<>();
    try (Connection db = open(history);
        PreparedStatement st =
            db.prepareStatement(
                "SELECT * FROM trial_versions WHERE trial_id = ? ORDER BY valid_from, valid_from_run")) {
      st.setString(1, trialId);
      try (ResultSet rs = st.executeQuery()) {
        Map<String, @Nullable String> before = null;
        while (rs.next()) {
          Map<String, @Nullable String> row = columns(rs);
          String from = String.valueOf(row.remove("valid_from"));
          String fromRun = String.valueOf(row.remove("valid_from_run"));
          String to = row.remove("valid_to");
          String toRun = row.remove("valid_to_run");
          versions.add(new Version(fromRun, from, toRun, to, differences(before, row)));
          before = row;
        }
      }
    } catch (SQLException e) {
      throw new IOException("Cannot read " + history + ": " + e.getMessage(), e);
    }
    return versions;
  }

  private static List<RegisteredOutcomes> registered(Path history, String trialId)
      throws IOException {
    try (Connection db = open(history)) {
      if (!Sql.columns(db, "primary_outcome_versions").contains("version")) {
        return List.of();
      }
      return Sql.list(
          db,
          "SELECT registry, version, version_date, primary_outcomes FROM primary_outcome_versions"
              + " WHERE trial_id = ? ORDER BY registry, version",
          rs ->
              new RegisteredOutcomes(
                  rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)),
          trialId);
    } catch (SQLException e) {
      throw new IOException("Cannot read " + history + ": " + e.getMessage(), e);
    }
  }

  private static List<FieldChange> differences(
      @Nullable Map<String, @Nullable String> before, Map<String, @Nullable String> after) {
    List<FieldChange> changes = new ArrayList<>();
    if (before == null) {
      return changes;
    }
    after.forEach(
        (field, value) -> {
          if (!Objects.equals(before.get(field), value)) {
            changes.add(new FieldChange(field, before.get(field), value));
          }
        });
    return changes;
  }

  private static Map<String, @Nullable String> row(Connection db, String sql, String value)
      throws SQLException {
    try (PreparedStatement st = db.prepareStatement(sql)) {
      st.setString(1, value);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? columns(rs) : Map.of();
      }
    }
  }

  private static Map<String, @Nullable String> columns(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    Map<String, @Nullable String> row = new LinkedHashMap<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      row.put(meta.getColumnName(i), rs.getString(i));
    }
    return row;
  }

  private static @Nullable String first(Connection db, String sql, String value)
      throws SQLException {
    try (PreparedStatement st = db.prepareStatement(sql)) {
      st.setString(1, value);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static Connection open(Path file) throws SQLException {
    return Sql.openReadOnly(file);
  }
}
