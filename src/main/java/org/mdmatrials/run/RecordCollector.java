package org.mdmatrials.run;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mdmatrials.classify.Classifier;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.Trial;
import org.mdmatrials.join.TrialGroups;
import org.mdmatrials.join.TrialIds;
import org.mdmatrials.sink.TrialRow;
import org.mdmatrials.sink.sqlite.SqliteSnapshotWriter;
import org.mdmatrials.source.HarvestSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores each registry record as it arrives, with the trial row it makes on its own, and notes
 * which records name the same trial, for {@link TrialAssembler} to merge once all are in. Keeps the
 * records left out and what the operator should hear of.
 */
final class RecordCollector implements HarvestSink {
  private static final Logger log = LoggerFactory.getLogger(RecordCollector.class);

  private final SqliteSnapshotWriter db;
  private final Classifier classifier;
  private final TrialIds trialIds;
  private final Instant harvestedAt;
  private final TrialGroups groups = new TrialGroups();
  private final Map<Registry, Set<String>> fetched = new HashMap<>();
  private final List<SkippedRecord> skipped = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final ProgressListener progress;

  RecordCollector(
      SqliteSnapshotWriter db,
      Classifier classifier,
      TrialIds trialIds,
      Instant harvestedAt,
      ProgressListener progress) {
    this.db = db;
    this.classifier = classifier;
    this.trialIds = trialIds;
    this.harvestedAt = harvestedAt;
    this.progress = progress;
  }

  @Override
  public void accept(Trial trial, Payload payload) throws IOException {
    Set<String> ids = trialIds.of(trial);
    try {
      int key = db.addRecord(trial, payload, ids, SqliteSnapshotWriter.FRESH);
      if (key < 0) {
        warn(
            trial.registry().displayName()
                + " sent "
                + trial.trialId()
                + " twice; the first was kept");
        return;
      }
      Set<String> ofRegistry = fetched.computeIfAbsent(trial.registry(), r -> new HashSet<>());
      ofRegistry.add(trial.trialId());
      add(key, trial, ids, SqliteSnapshotWriter.FRESH);
      log.debug("{} {} stored; registry ids {}", trial.registry(), trial.trialId(), ids);
      progress.recordsReceived(trial.registry(), ofRegistry.size());
    } catch (SQLException e) {
      throw new IOException(
          "Could not write " + trial.trialId() + " to trials.sqlite: " + e.getMessage(), e);
    }
  }

  @Override
  public void skipped(SkippedRecord record) {
    skipped.add(record);
  }

  /** A record copied from the previous snapshot, under the key the database gave it. */
  void copied(int key, Trial trial, Set<String> ids, String status) throws IOException {
    try {
      add(key, trial, ids, status);
    } catch (SQLException e) {
      throw new IOException(
          "Could not write " + trial.trialId() + " to trials.sqlite: " + e.getMessage(), e);
    }
  }

  private void add(int key, Trial trial, Set<String> ids, String status) throws SQLException {
    int record = groups.add(ids);
    if (record != key) {
      throw new IllegalStateException(
          "record " + key + " was numbered " + record + " in its group");
    }
    db.addTrial(
        new TrialRow(trial, classifier.classify(trial), List.copyOf(ids), status, harvestedAt));
  }

  void warn(String warning) {
    log.warn(warning);
    warnings.add(warning);
  }

  /** The ids of the records this run fetched from {@code registry}. */
  Set<String> fetched(Registry registry) {
    return fetched.getOrDefault(registry, Set.of());
  }

  TrialGroups groups() {
    return groups;
  }

  List<SkippedRecord> skippedRecords() {
    return skipped;
  }

  List<String> warnings() {
    return warnings;
  }
}
