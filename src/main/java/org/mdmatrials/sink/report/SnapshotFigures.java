package org.mdmatrials.sink.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's figures, each one SQL query over a snapshot's {@code trials.sqlite}: counted and
 * summed by the database, so that no more than one row per group is ever in memory. Trials are
 * counted under their primary category, so that every trial is counted once.
 */
final class SnapshotFigures {
  /** Trials that study MDMA, as opposed to those that only mention it. */
  private static final String STUDIED = "mdma_role = 'INTERVENTION'";

  private final Connection db;

  SnapshotFigures(Connection db) {
    this.db = db;
  }

  /** A count of trials in one cell of a table: row, column, trials. */
  record Cell(String row, String column, long count) {}

  /** Trials whose start date falls in {@code year}, of one category. */
  record Starts(int year, String category, long trials) {}

  /** Participants of one category's trials: actual enrolment and estimated (planned). */
  record Enrolment(String category, long trials, long withEnrolment, long actual, long estimated) {}

  /** One registry's records in the snapshot, by source status, and the trials they name. */
  record RegistryCount(
      String registry, Map<String, Long> recordsByStatus, long trials, long studied) {}

  /**
   * One line of changes.csv, with the trial's title and page when the trial is still in the
   * snapshot.
   */
  record ChangeLine(
      String trialId,
      String change,
      String field,
      String oldValue,
      String newValue,
      String title,
      String url) {}

  long trials() throws SQLException {
    return count("SELECT count(*) FROM trials");
  }

  long studiedTrials() throws SQLException {
    return count("SELECT count(*) FROM trials WHERE " + STUDIED);
  }

  List<Cell> studiedByCategoryAndStatus() throws SQLException {
    return cells(
        "SELECT primary_category, overall_status, count(*) FROM trials WHERE "
            + STUDIED
            + " GROUP BY 1, 2");
  }

  List<Cell> studiedByCategoryAndPhase() throws SQLException {
    return cells(
        "SELECT primary_category, phases, count(*) FROM trials WHERE "
            + STUDIED
            + " GROUP BY 1, 2");
  }

  /**
   * Trials started per year and category; a partial date ({@code 2021}, {@code 2021-05}) counts.
   */
  List<Starts> studiedStartsByYear() throws SQLException {
    List<Starts> starts = new ArrayList<>();
    try (PreparedStatement st =
            db.prepareStatement(
                "SELECT CAST(substr(start_date, 1, 4) AS INTEGER), primary_category, count(*)"
                    + " FROM trials WHERE "
                    + STUDIED
                    + " AND start_date GLOB '[0-9][0-9][0-9][0-9]*' GROUP BY 1, 2 ORDER BY 1, 2");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        starts.add(new Starts(rs.getInt(1), rs.getString(2), rs.getLong(3)));
      }
    }
    return starts;
  }

  long studiedWithoutStartYear() throws SQLException {
    return count(
        "SELECT count(*) FROM trials WHERE "
            + STUDIED
            + " AND (start_date IS NULL OR start_date NOT GLOB '[0-9][0-9][0-9][0-9]*')");
  }

  List<Enrolment> studiedEnrolment() throws SQLException {
    List<Enrolment> rows = new ArrayList<>();
    try (PreparedStatement st =
            db.prepareStatement(
                "SELECT primary_category, count(*), count(enrollment),"
                    + " coalesce(sum(CASE WHEN enrollment_type = 'ACTUAL' THEN enrollment END), 0),"
                    + " coalesce(sum(CASE WHEN enrollment_type IS NOT 'ACTUAL' THEN enrollment END),"
                    + " 0) FROM trials WHERE "
                    + STUDIED
                    + " GROUP BY 1");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        rows.add(
            new Enrolment(
                rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
      }
    }
    return rows;
  }

  /**
   * Records and trials per registry. Both counts read the index on records' trial, registry and
   * status (indexes.sql) rather than the records, which their payloads make hundreds of times
   * larger.
   */
  List<RegistryCount> registries() throws SQLException {
    Map<String, Map<String, Long>> records = new LinkedHashMap<>();
    for (Cell cell :
        cells(
            "SELECT registry, source_status, count(*) FROM source_records"
                + " INDEXED BY source_records_trial GROUP BY 1, 2"
                + " ORDER BY 1, 2")) {
      records
          .computeIfAbsent(cell.row(), r -> new LinkedHashMap<>())
          .put(cell.column(), cell.count());
    }
    List<RegistryCount> counts = new ArrayList<>();
    try (PreparedStatement st =
            db.prepareStatement(
                "SELECT s.registry, count(DISTINCT s.trial_id),"
                    + " count(DISTINCT CASE WHEN t."
                    + STUDIED
                    + " THEN s.trial_id END)"
                    + " FROM source_records s INDEXED BY source_records_trial"
                    + " JOIN trials t USING (trial_id) GROUP BY 1");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String registry = rs.getString(1);
        counts.add(
            new RegistryCount(
                registry, records.getOrDefault(registry, Map.of()), rs.getLong(2), rs.getLong(3)));
      }
    }
    return counts;
  }

  /** How many changes of each type: ADDED, REMOVED, CHANGED. */
  Map<String, Long> changeCounts() throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Cell cell : cells("SELECT change, '', count(*) FROM changes GROUP BY 1")) {
      counts.put(cell.row(), cell.count());
    }
    return counts;
  }

  long changedTrials() throws SQLException {
    return count("SELECT count(DISTINCT trial_id) FROM changes");
  }

  /** The first {@code limit} changes, in changes.csv's order. */
  List<ChangeLine> changes(int limit) throws SQLException {
    List<ChangeLine> lines = new ArrayList<>();
    try (PreparedStatement st =
        db.prepareStatement(
            "SELECT c.trial_id, c.change, c.field, c.old_value, c.new_value, t.title, t.url"
                + " FROM changes c LEFT JOIN trials t USING (trial_id)"
                + " ORDER BY c.trial_id, c.rowid LIMIT ?")) {
      st.setInt(1, limit);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          lines.add(
              new ChangeLine(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7)));
        }
      }
    }
    return lines;
  }

  private List<Cell> cells(String sql) throws SQLException {
    List<Cell> cells = new ArrayList<>();
    try (PreparedStatement st = db.prepareStatement(sql);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        cells.add(new Cell(rs.getString(1), rs.getString(2), rs.getLong(3)));
      }
    }
    return cells;
  }

  private long count(String sql) throws SQLException {
    try (PreparedStatement st = db.prepareStatement(sql);
        ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
