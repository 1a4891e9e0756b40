package org.mdmatrials.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.Indication;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.sink.ChangeColumn;
import org.mdmatrials.sink.Snapshot;
import org.mdmatrials.sink.TrialColumn;

/**
 * A finished {@code trials.sqlite}, read-only, as the snapshot its files are written from. Each
 * reading opens a connection of its own, so several files can be written from it at once.
 */
public final class SnapshotRows implements Snapshot {
  private static final List<TrialColumn> COLUMNS = List.of(TrialColumn.values());
  private static final boolean[] TRIAL_NUMBERS = numbers();
  private static final boolean[] CHANGE_NUMBERS = new boolean[ChangeColumn.NAMES.size()];
  private static final String TRIALS = "SELECT " + String.join(", ", TrialColumn.NAMES);

  private final Path file;
  private final RunReport run;

  /**
   * @param file a snapshot database finished by {@link StagingStore#finish}
   * @param run the report of the run that wrote it
   */
  public SnapshotRows(Path file, RunReport run) {
    this.file = file;
    this.run = run;
  }

  @Override
  public RunReport run() {
    return run;
  }

  @Override
  public void forEachTrial(RowHandler handler) throws IOException {
    rows(TRIALS + " FROM trials ORDER BY trial_id", null, TRIAL_NUMBERS, handler);
  }

  @Override
  public void forEachTrialIn(Indication category, RowHandler handler) throws IOException {
    // Walks the trials in key order and looks each up in trial_categories' key: no sort, however
    // many trials.
    rows(
        TRIALS
            + " FROM trials WHERE EXISTS (SELECT 1 FROM trial_categories c"
            + " WHERE c.trial_id = trials.trial_id AND c.category = ?) ORDER BY trial_id",
        category.name(),
        TRIAL_NUMBERS,
        handler);
  }

  @Override
  public void forEachChange(RowHandler handler) throws IOException {
    rows(
        "SELECT "
            + String.join(", ", ChangeColumn.NAMES)
            + " FROM changes ORDER BY trial_id, rowid",
        null,
        CHANGE_NUMBERS,
        handler);
  }

  @Override
  public void forEachOutcomeChange(RowHandler handler) throws IOException {
    rows(
        "SELECT c.trial_id, t.title, t.url, t.mdma_role, c.first_known, c.first_source,"
            + " c.first_primary_outcomes, t.primary_outcomes FROM primary_outcome_changes c"
            + " JOIN trials t USING (trial_id) ORDER BY c.trial_id",
        null,
        new boolean[8],
        handler);
  }

  /**
   * Reads the index on records' trial, registry and status (indexes.sql) rather than the records,
   * which their payloads make hundreds of times larger.
   */
  @Override
  public void forEachRecord(RecordHandler handler) throws IOException {
    try (Connection db = Sql.openReadOnly(file);
        PreparedStatement st =
            db.prepareStatement(
                "SELECT registry, trial_id, source_status FROM source_records"
                    + " INDEXED BY source_records_trial");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        handler.record(rs.getString(1), rs.getString(2), rs.getString(3));
      }
    } catch (SQLException e) {
      throw unreadable(e);
    }
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
  private void rows(String sql, @Nullable String parameter, boolean[] numbers, RowHandler handler)
      throws IOException {
    try (Connection db = Sql.openReadOnly(file);
        PreparedStatement st = db.prepareStatement(sql)) {
      if (parameter != null) {
        st.setString(1, parameter);
      }
      try (ResultSet rs = st.executeQuery()) {
        @Nullable Object[] row = new Object[numbers.length];
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
    } catch (SQLException e) {
      throw unreadable(e);
    }
  }

  private IOException unreadable(SQLException e) {
    return new IOException("Cannot read the snapshot " + file + ": " + e.getMessage(), e);
  }
}
