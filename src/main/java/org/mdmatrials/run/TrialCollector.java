package org.mdmatrials.run;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mdmatrials.classify.Classifier;
import org.mdmatrials.core.Classification;
import org.mdmatrials.core.Indication;
import org.mdmatrials.core.MdmaRole;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.Trial;
import org.mdmatrials.sink.TrialRow;
import org.mdmatrials.sink.sqlite.SqliteSnapshotWriter;
import org.mdmatrials.source.HarvestSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies each harvested trial and stores it in the snapshot being built, counting as it goes.
 */
final class TrialCollector implements HarvestSink {
  private static final Logger log = LoggerFactory.getLogger(TrialCollector.class);

  private final SqliteSnapshotWriter db;
  private final Classifier classifier;
  private final Instant harvestedAt;
  private final List<SkippedRecord> skipped = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final Map<Indication, Integer> studiedByCategory = new EnumMap<>(Indication.class);
  private int trials;

  TrialCollector(SqliteSnapshotWriter db, Classifier classifier, Instant harvestedAt) {
    this.db = db;
    this.classifier = classifier;
    this.harvestedAt = harvestedAt;
  }

  @Override
  public void accept(Trial trial, String payload) throws IOException {
    Classification classification = classifier.classify(trial);
    try {
      if (!db.add(new TrialRow(trial, classification, harvestedAt), payload)) {
        String warning =
            trial.trialId()
                + " came twice from "
                + trial.registry().displayName()
                + "; the first was kept";
        log.warn(warning);
        warnings.add(warning);
        return;
      }
    } catch (SQLException e) {
      throw new IOException(
          "Could not write " + trial.trialId() + " to trials.sqlite: " + e.getMessage(), e);
    }
    trials++;
    if (classification.mdmaRole() == MdmaRole.INTERVENTION) {
      studiedByCategory.merge(classification.primaryCategory(), 1, Integer::sum);
    }
  }

  @Override
  public void skipped(SkippedRecord record) {
    skipped.add(record);
  }

  int trials() {
    return trials;
  }

  List<SkippedRecord> skippedRecords() {
    return skipped;
  }

  List<String> warnings() {
    return warnings;
  }

  Map<Indication, Integer> studiedByCategory() {
    return studiedByCategory;
  }
}
