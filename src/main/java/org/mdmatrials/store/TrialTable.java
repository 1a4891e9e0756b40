package org.mdmatrials.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mdmatrials.core.CategoryMatch;
import org.mdmatrials.core.Indication;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.Trial;
import org.mdmatrials.sink.TrialColumn;
import org.mdmatrials.sink.TrialRow;

/**
 * {@code trials}, one row per trial in {@link TrialColumn}'s columns, and the tables that hold what
 * its cells join: conditions, interventions, categories with their evidence, secondary ids.
 */
public final class TrialTable {
  private static final List<TrialColumn> COLUMNS = List.of(TrialColumn.values());
  private static final List<String> PARTS =
      List.of(
          "trials",
          "trial_conditions",
          "trial_interventions",
          "trial_categories",
          "trial_secondary_ids");

  private final Connection db;
  private final Sql.Batch trials;
  private final Sql.Batch conditions;
  private final Sql.Batch interventions;
  private final Sql.Batch categories;
  private final Sql.Batch secondaryIds;

  TrialTable(Connection db) throws SQLException {
    this.db = db;
    trials = new Sql.Batch(db, "trials", TrialColumn.NAMES);
    conditions =
        new Sql.Batch(db, "trial_conditions", List.of("trial_id", "position", "condition"));
    interventions =
        new Sql.Batch(
            db,
            "trial_interventions",
            List.of("trial_id", "position", "type", "name", "other_names"));
    categories =
        new Sql.Batch(
            db, "trial_categories", List.of("trial_id", "category", "is_primary", "evidence"));
    secondaryIds =
        new Sql.Batch(
            db,
            "trial_secondary_ids",
            List.of("trial_id", "position", "id_type", "secondary_id", "domain"));
  }

  /** The statement creating the trials table, its columns those of {@link TrialColumn}. */
  static String createStatement() {
    List<String> columns =
        COLUMNS.stream()
            .map(
                c ->
                    c.columnName()
                        + (c.type() == TrialColumn.Type.INTEGER ? " INTEGER" : " TEXT")
                        + (c == TrialColumn.TRIAL_ID ? " PRIMARY KEY" : ""))
            .toList();
    return "CREATE TABLE trials (\n  " + String.join(",\n  ", columns) + "\n)";
  }

  /** Adds a trial's row and its parts. */
  public void add(TrialRow row) throws IOException {
    try {
      insert(row);
    } catch (SQLException e) {
      throw Sql.failed("store the row of " + row.trial().trialId() + " in trials.sqlite", e);
    }
  }

  private void insert(TrialRow row) throws SQLException {
    Object[] cells = new Object[COLUMNS.size()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = COLUMNS.get(i).valueOf(row);
    }
    trials.add(cells);
    Trial trial = row.trial();
    String id = trial.trialId();
    List<String> names = trial.topic().conditions();
    for (int i = 0; i < names.size(); i++) {
      conditions.add(id, i + 1, names.get(i));
    }
    List<Intervention> given = trial.arms().interventions();
    for (int i = 0; i < given.size(); i++) {
      Intervention v = given.get(i);
      String others = v.otherNames().isEmpty() ? null : String.join("; ", v.otherNames());
      interventions.add(id, i + 1, v.type(), v.name(), others);
    }
    List<CategoryMatch> matches = row.classification().categories();
    for (int i = 0; i < matches.size(); i++) {
      CategoryMatch m = matches.get(i);
      String evidence = m.evidence().isEmpty() ? null : m.describeEvidence();
      categories.add(id, m.category().name(), i == 0 ? 1 : 0, evidence);
    }
    List<SecondaryId> ids = trial.secondaryIds();
    for (int i = 0; i < ids.size(); i++) {
      SecondaryId v = ids.get(i);
      secondaryIds.add(id, i + 1, v.type(), v.id(), v.domain());
    }
  }

  /** Removes a trial's row and its parts. */
  public void remove(String trialId) throws IOException {
    try {
      flush();
      for (String table : PARTS) {
        Sql.execute(db, "DELETE FROM " + table + " WHERE trial_id = ?", trialId);
      }
    } catch (SQLException e) {
      throw Sql.failed("remove the row of " + trialId + " from trials.sqlite", e);
    }
  }

  /** The number of trial rows, and of those studying MDMA by primary category. */
  public record Counts(int trials, Map<Indication, Integer> studiedByCategory) {}

  public Counts counts() throws IOException {
    try {
      flush();
      int all = Sql.list(db, "SELECT count(*) FROM trials", rs -> rs.getInt(1)).get(0);
      Map<Indication, Integer> studied = new EnumMap<>(Indication.class);
      for (var row :
          Sql.list(
              db,
              "SELECT primary_category, count(*) FROM trials WHERE mdma_role = 'INTERVENTION'"
                  + " GROUP BY primary_category",
              rs -> Map.entry(Indication.valueOf(rs.getString(1)), rs.getInt(2)))) {
        studied.put(row.getKey(), row.getValue());
      }
      return new Counts(all, studied);
    } catch (SQLException e) {
      throw Sql.failed("count the trials of trials.sqlite", e);
    }
  }

  void flush() throws SQLException {
    for (Sql.Batch batch : List.of(trials, conditions, interventions, categories, secondaryIds)) {
      batch.flush();
    }
  }
}
