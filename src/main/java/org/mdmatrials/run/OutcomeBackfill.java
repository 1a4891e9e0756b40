package org.mdmatrials.run;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mdmatrials.core.OutcomeHistory;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SourceOutcome;
import org.mdmatrials.source.MalformedRecordException;
import org.mdmatrials.source.RecordHistory;
import org.mdmatrials.source.TrialSource;
import org.mdmatrials.store.PrimaryOutcomeVersions;
import org.mdmatrials.store.StagingStore;
import org.mdmatrials.store.StagingStore.StudiedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Back-fills the history of primary outcomes from the first registered version: for the MDMA trials
 * whose registry publishes its records' earlier versions and that were not back-filled before, asks
 * for them within the registry's requests a night, and keeps them in history.sqlite. A trial not
 * reached tonight is asked for on a later night. A failure is a warning: the snapshot is published
 * as it would have been without the back-fill.
 */
final class OutcomeBackfill {
  private static final Logger log = LoggerFactory.getLogger(OutcomeBackfill.class);

  private final PrimaryOutcomeVersions kept;
  private final StagingStore store;
  private final RecordIntake intake;
  private final StopSignal stop;
  private final String runId;

  OutcomeBackfill(
      PrimaryOutcomeVersions kept,
      StagingStore store,
      RecordIntake intake,
      StopSignal stop,
      String runId) {
    this.kept = kept;
    this.store = store;
    this.intake = intake;
    this.stop = stop;
    this.runId = runId;
  }

  /** Back-fills from every source that publishes record histories and was harvested tonight. */
  void run(List<TrialSource> sources, List<SourceOutcome> outcomes) {
    for (TrialSource source : sources) {
      Optional<RecordHistory> history = source.recordHistory();
      boolean harvested =
          outcomes.stream().anyMatch(o -> o.registry().equals(source.registry()) && !o.failed());
      if (history.isPresent() && harvested && !stop.raised()) {
        try {
          backfill(source.registry(), history.get());
        } catch (IOException e) {
          warn(source.registry(), "was not read: " + e.getMessage());
        }
      }
    }
  }

  /**
   * Asks for the records never asked for first, then those whose reading failed longest ago, so
   * that no record that keeps failing holds the others back. A record the registry cannot be asked
   * about stops the asking for the night; one whose answer cannot be read is passed over.
   */
  private void backfill(Registry registry, RecordHistory history) throws IOException {
    PrimaryOutcomeVersions.Reads asked = kept.reads(registry);
    List<StudiedRecord> records =
        store.studiedRecords(registry).stream()
            .filter(r -> !asked.read().contains(r.recordId()))
            .sorted(
                Comparator.comparing(
                    (StudiedRecord r) -> asked.failedByRun().getOrDefault(r.recordId(), "")))
            .toList();
    int left = history.requestsPerNight();
    int read = 0;
    for (StudiedRecord record : records) {
      if (left < 1 || stop.raised()) {
        break;
      }
      OutcomeHistory versions;
      try {
        versions = history.primaryOutcomes(record.recordId(), left);
      } catch (MalformedRecordException e) {
        fail(registry, record, "of " + record.recordId() + " could not be read: " + e.getMessage());
        left--;
        continue;
      } catch (IOException e) {
        fail(registry, record, "stopped at " + record.recordId() + ": " + e.getMessage());
        break;
      }
      left -= versions.requests();
      if (!versions.complete() && read > 0) {
        // Too few requests left tonight to read it whole: it comes first on a later night.
        break;
      }
      if (!versions.complete()) {
        warn(
            registry,
            "of "
                + record.recordId()
                + " has more versions that changed its outcomes than "
                + history.requestsPerNight()
                + " requests can read; those read are kept");
      }
      kept.add(record.trialId(), registry, versions, runId);
      read++;
    }
    log.info("{}: record histories of {} MDMA trials read", registry.displayName(), read);
  }

  private void fail(Registry registry, StudiedRecord record, String problem) throws IOException {
    kept.failed(record.trialId(), registry, record.recordId(), runId, problem);
    warn(registry, problem);
  }

  private void warn(Registry registry, String problem) {
    intake.warn(
        registry.displayName()
            + ": the record history "
            + problem
            + " (the snapshot is complete without it; history-requests: 0 in the registry's"
            + " settings stops asking)");
  }
}
