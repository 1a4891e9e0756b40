package org.mdmatrials.run;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mdmatrials.classify.Classifier;
import org.mdmatrials.core.Trial;
import org.mdmatrials.join.TrialGroups;
import org.mdmatrials.join.TrialIds;
import org.mdmatrials.join.TrialMerger;
import org.mdmatrials.sink.TrialRow;
import org.mdmatrials.sink.sqlite.SqliteSnapshotWriter;
import org.mdmatrials.sink.sqlite.SqliteSnapshotWriter.StoredRecord;

/**
 * Replaces the rows of records that name one trial by a single merged row, classified anew. Only
 * those records are read back; a record that names no other keeps the row it was stored with.
 */
final class TrialAssembler {
  private final SqliteSnapshotWriter db;
  private final Classifier classifier;
  private final TrialIds trialIds;
  private final TrialMerger merger;
  private final Instant harvestedAt;

  TrialAssembler(
      SqliteSnapshotWriter db,
      Classifier classifier,
      TrialIds trialIds,
      TrialMerger merger,
      Instant harvestedAt) {
    this.db = db;
    this.classifier = classifier;
    this.trialIds = trialIds;
    this.merger = merger;
    this.harvestedAt = harvestedAt;
  }

  /** Merges every group of more than one record. */
  void assemble(TrialGroups groups) throws SQLException, IOException {
    Map<Integer, List<Integer>> members = new HashMap<>();
    int[] sizes = groups.groupSizes();
    for (int record = 0; record < groups.size(); record++) {
      int group = groups.groupOf(record);
      if (sizes[group] > 1) {
        members.computeIfAbsent(group, g -> new ArrayList<>()).add(record);
      }
    }
    for (List<Integer> keys : members.values()) {
      merge(db.records(keys));
    }
  }

  private void merge(List<StoredRecord> records) throws SQLException {
    List<Trial> trials = records.stream().map(StoredRecord::trial).toList();
    for (Trial record : trials) {
      db.removeTrial(record.trialId());
    }
    Trial trial = merger.merge(trials);
    db.addTrial(
        new TrialRow(
            trial,
            classifier.classify(trial),
            linkedIds(trials),
            sourceStatus(records),
            harvestedAt));
    db.assignRecords(trial.trialId(), records.stream().map(StoredRecord::key).toList());
  }

  /** Every registry id of the trial, the preferred record's first. */
  private List<String> linkedIds(List<Trial> records) {
    Set<String> ids = new LinkedHashSet<>();
    for (Trial record : merger.preferredFirst(records)) {
      ids.addAll(trialIds.of(record));
    }
    return List.copyOf(ids);
  }

  /** "fresh" when every record is; otherwise each registry's status. */
  private static String sourceStatus(List<StoredRecord> records) {
    if (records.stream().allMatch(r -> SqliteSnapshotWriter.FRESH.equals(r.sourceStatus()))) {
      return SqliteSnapshotWriter.FRESH;
    }
    return String.join(
        "; ",
        records.stream()
            .map(r -> r.trial().registry() + ": " + r.sourceStatus())
            .distinct()
            .toList());
  }
}
