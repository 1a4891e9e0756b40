package org.mdmatrials.run;

import java.io.IOException;
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
import org.mdmatrials.core.SourceStatus;
import org.mdmatrials.core.Trial;
import org.mdmatrials.join.TrialGroups;
import org.mdmatrials.join.TrialIds;
import org.mdmatrials.sink.TrialRow;
import org.mdmatrials.source.HarvestSink;
import org.mdmatrials.store.StagingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes each registry record as it arrives, fetched or carried over: stores it, and notes which
 * records name the same trial, for {@link Join} to merge once all are in. Keeps the records left
 * out and what the operator should hear of.
 *
 * <p>A registry's record is held once. A platform gathering several registries' records (WHO's
 * ICTRP) is harvested after the registries harvested directly, and its copy of a record one of them
 * brought already is left out: the registry's own record is the fuller and the fresher.
 *
 * <p>The single-record shortcut: each record is also stored at once as the trial row it makes on
 * its own, classified. Nearly every trial has one record, and its row is then final, classified
 * once; the few records found to share a trial have their rows replaced by the merged trial's.
 * Classifying only after joining would mean reading every record back from the store
 * (BENCHMARKS.md, "The single-record shortcut").
 */
final class RecordIntake {
  private static final Logger log = LoggerFactory.getLogger(RecordIntake.class);

  private final StagingStore store;
  private final Classifier classifier;
  private final TrialIds trialIds;
  private final Instant harvestedAt;
  private final ProgressListener progress;
  private final TrialGroups groups = new TrialGroups();
  private final Map<Registry, Set<String>> fetched = new HashMap<>();
  private final List<SkippedRecord> skipped = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  RecordIntake(
      StagingStore store,
      Classifier classifier,
      TrialIds trialIds,
      Instant harvestedAt,
      ProgressListener progress) {
    this.store = store;
    this.classifier = classifier;
    this.trialIds = trialIds;
    this.harvestedAt = harvestedAt;
    this.progress = progress;
  }

  /** Where {@code source}'s harvest hands its records. */
  HarvestSink from(Registry source) {
    return new HarvestSink() {
      @Override
      public void accept(Trial trial, Payload payload) throws IOException {
        RecordIntake.this.accept(source, trial, payload);
      }

      @Override
      public void skipped(SkippedRecord record) {
        skipped.add(record);
      }
    };
  }

  private void accept(Registry source, Trial trial, Payload payload) throws IOException {
    Set<String> ids = trialIds.of(trial);
    String record = trial.registry().code() + " " + trial.trialId();
    Set<String> ofSource = fetched.computeIfAbsent(source, r -> new HashSet<>());
    int key = store.records().add(source, trial, payload, ids, SourceStatus.FRESH);
    if (key < 0) {
      if (ofSource.contains(record)) {
        warn(source.displayName() + " sent " + trial.trialId() + " twice; the first was kept");
      } else {
        log.debug("{}: {} came already from its registry; this copy was left out", source, record);
      }
      return;
    }
    ofSource.add(record);
    add(key, trial, ids, SourceStatus.FRESH);
    log.debug("{} {} stored; registry ids {}", trial.registry(), trial.trialId(), ids);
    progress.recordsReceived(source, ofSource.size());
  }

  /** A record copied from the previous snapshot, under the key the store gave it. */
  void copied(int key, Trial trial, Set<String> ids, SourceStatus status) throws IOException {
    add(key, trial, ids, status);
  }

  private void add(int key, Trial trial, Set<String> ids, SourceStatus status) throws IOException {
    int record = groups.add(ids);
    if (record != key) {
      throw new IllegalStateException(
          "record " + key + " was numbered " + record + " in its group");
    }
    store
        .trials()
        .add(
            new TrialRow(
                trial,
                classifier.classify(trial),
                List.copyOf(ids),
                List.of(new TrialRow.Source(trial.registry(), status)),
                harvestedAt));
  }

  void warn(String warning) {
    log.warn(warning);
    warnings.add(warning);
  }

  /** A warning for the report, logged already where it arose. */
  void warned(String warning) {
    warnings.add(warning);
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
