package org.mdmatrials.sink.sqlite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.mdmatrials.core.Indication;
import org.mdmatrials.sink.TrialColumn;

/**
 * The rows of a finished {@code trials.sqlite}, read-only, for the files written from them. Each
 * view has its own connection, so several files can be written from one snapshot at once.
 */
public final class SnapshotRows implements AutoCloseable {
  private static final List<TrialColumn> COLUMNS = List.of(TrialColumn.values());
  private static final boolean[] TRIAL_NUMBERS = numbers();
  private static final boolean[] CHANGE_NUMBERS =
      new boolean[SqliteSnapshotWriter.CHANGE_COLUMNS.size()];

  private final Connection db;

  private SnapshotRows(Connection db) {
    this.db = db;
  }

  /**
   * Opens {@code file}, a snapshot database written and finished by {@link SqliteSnapshotWriter}.
   */
  public static SnapshotRows open(Path file) throws SQLException {
    return new SnapshotRows(DriverManager.getConnection("jdbc:sqlite:" + file + "?open_mode=1"));
  }

  /** Hands every trial's cells to {@code handler} in {@link TrialColumn} order, by trial id. */
  public void forEachTrial(RowHandler handler) throws SQLException, IOException {
    try (PreparedStatement st =
        db.prepareStatement("SELECT " + trialColumns() + " FROM trials ORDER BY trial_id")) {
      handRows(st, TRIAL_NUMBERS, handler);
    }
  }

  /**
   * Hands the cells of every trial that fits {@code category} (per {@code trial_categories}, so a
   * trial of several categories comes under each) to {@code handler}, as {@link #forEachTrial}.
   */
  public void forEachTrialIn(Indication category, RowHandler handler)
      throws SQLException, IOException {
    // Walks the trials in key order and looks each up in trial_categories' key: no sort, however
    // many trials.
    try (PreparedStatement st =
        db.prepareStatement(
            "SELECT "
                + trialColumns()
                + " FROM trials WHERE EXISTS (SELECT 1 FROM trial_categories c"
                + " WHERE c.trial_id = trials.trial_id AND c.category = ?) ORDER BY trial_id")) {
      st.setString(1, category.name());
      handRows(st, TRIAL_NUMBERS, handler);
    }
  }

  /**
   * Hands every change's cells to {@code handler} in {@link SqliteSnapshotWriter#CHANGE_COLUMNS}
   * order.
   */
  public void forEachChange(RowHandler handler) throws SQLException, IOException {
    try (PreparedStatement st =
        db.prepareStatement(
            "SELECT "
                + String.join(", ", SqliteSnapshotWriter.CHANGE_COLUMNS)
                + " FROM changes ORDER BY trial_id, rowid")) {
      handRows(st, CHANGE_NUMBERS, handler);
    }
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }

  private static String trialColumns() {
    return String.join(", ", TrialColumn.NAMES);
  }

  private static boolean[] numbers() {
    boolean[] numbers = new boolean[COLUMNS.size()];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = COLUMNS.get(i).type() == TrialColumn.Type.INTEGER;
    }
    return numbers;
  }

  /**
   * Hands on each row: numbers as numbers, and text read as its UTF-8 bytes, which the driver hands
   * over much faster than a string.
   */
  private static void handRows(PreparedStatement st, boolean[] numbers, RowHandler handler)
      throws SQLException, IOException {
    try (ResultSet rs = st.executeQuery()) {
      Object[] row = new Object[numbers.length];
      while (rs.next()) {
        for (int i = 0; i < row.length; i++) {
          if (numbers[i]) {
            row[i] = rs.getObject(i + 1);
          } else {
            byte[] text = rs.getBytes(i + 1);
            row[i] = text == null ? null : new String(text, StandardCharsets.UTF_8);
          }
        }
        handler.row(Arrays.asList(row));
      }
    }
  }

  /** Receives one row's cells. */
  @FunctionalInterface
  public interface RowHandler {
    void row(List<Object> cells) throws IOException;
  }
}
