package org.mdmatrials.run;

import java.io.IOException;
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
import org.mdmatrials.store.RecordTable;
import org.mdmatrials.store.StagingStore;

/**
 * Makes one trial of the records that name it: their rows are replaced by a single merged row,
 * classified. Only those records are read back; a record that names no other keeps the row it was
 * stored with (the single-record shortcut, {@link RecordIntake}).
 */
final class Join {
  private final StagingStore store;
  private final Classifier classifier;
  private final TrialIds trialIds;
  private final TrialMerger merger;
  private final Instant harvestedAt;

  Join(
      StagingStore store,
      Classifier classifier,
      TrialIds trialIds,
      TrialMerger merger,
      Instant harvestedAt) {
    this.store = store;
    this.classifier = classifier;
    this.trialIds = trialIds;
    this.merger = merger;
    this.harvestedAt = harvestedAt;
  }

  /** Merges every group of more than one record. */
  void mergeGroups(TrialGroups groups) throws IOException {
    Map<Integer, List<Integer>> members = new HashMap<>();
    int[] sizes = groups.groupSizes();
    for (int record = 0; record < groups.size(); record++) {
      int group = groups.groupOf(record);
      if (sizes[group] > 1) {
        members.computeIfAbsent(group, g -> new ArrayList<>()).add(record);
      }
    }
    for (List<Integer> keys : members.values()) {
      merge(store.records().read(keys));
    }
  }

  private void merge(List<RecordTable.Stored> records) throws IOException {
    List<Trial> trials = records.stream().map(RecordTable.Stored::trial).toList();
    for (Trial record : trials) {
      store.trials().remove(record.trialId());
    }
    Trial trial = merger.merge(trials);
    store
        .trials()
        .add(
            new TrialRow(
                trial,
                classifier.classify(trial),
                linkedIds(trials),
                records.stream()
                    .map(r -> new TrialRow.Source(r.trial().registry(), r.status()))
                    .toList(),
                harvestedAt));
    store.records().assign(trial.trialId(), records.stream().map(RecordTable.Stored::key).toList());
  }

  /** Every registry id of the trial, the preferred record's first. */
  private List<String> linkedIds(List<Trial> records) {
    Set<String> ids = new LinkedHashSet<>();
    for (Trial record : merger.preferredFirst(records)) {
      ids.addAll(trialIds.of(record));
    }
    return List.copyOf(ids);
  }
}
