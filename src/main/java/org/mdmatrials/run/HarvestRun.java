package org.mdmatrials.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.classify.Classifier;
import org.mdmatrials.core.Change;
import org.mdmatrials.core.OutputLayout;
import org.mdmatrials.core.RunOutcome;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.SourceOutcome;
import org.mdmatrials.http.FailureText;
import org.mdmatrials.join.TrialMerger;
import org.mdmatrials.sink.RunReportFile;
import org.mdmatrials.source.TrialSource;
import org.mdmatrials.store.HistoryStore;
import org.mdmatrials.store.PreviousSnapshot;
import org.mdmatrials.store.PrimaryOutcomeVersions;
import org.mdmatrials.store.SnapshotRows;
import org.mdmatrials.store.StagingStore;
import org.mdmatrials.store.TrialTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One harvest run, stage by stage: plan what to ask each registry, fetch every registry's records,
 * join the records that name one trial, write the snapshot's database and files in a staging
 * folder, and publish them together as the new {@code latest} snapshot with its versions in the
 * history; or publish nothing and leave the run's report under {@code runs/}.
 */
public final class HarvestRun {
  private static final Logger log = LoggerFactory.getLogger(HarvestRun.class);
  private static final String STOPPED = "Stopped before publishing";
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final List<TrialSource> sources;
  private final Classifier classifier;
  private final HarvestOptions options;
  private final OutputLayout layout;
  private final Clock clock;
  private final Supplier<Map<String, Integer>> retriesByHost;
  private final StopSignal stop;
  private final ProgressListener progress;
  private final Checkpoint checkpoint;
  private final History history;
  private final Retention retention;

  /**
   * @param retriesByHost how often requests were tried again so far, for the report
   * @param stop raised to stop the harvest before it publishes
   * @param progress told how the harvest is getting on ({@link ProgressListener#NONE} for no one)
   * @param checkpoint told of each moment where a crash leaves something different behind
   */
  public HarvestRun(
      List<TrialSource> sources,
      Classifier classifier,
      HarvestOptions options,
      OutputLayout layout,
      Clock clock,
      Supplier<Map<String, Integer>> retriesByHost,
      StopSignal stop,
      ProgressListener progress,
      Checkpoint checkpoint) {
    this.sources = List.copyOf(sources);
    this.classifier = classifier;
    this.options = options;
    this.layout = layout;
    this.clock = clock;
    this.retriesByHost = retriesByHost;
    this.stop = stop;
    this.progress = progress;
    this.checkpoint = checkpoint;
    this.history = new History(new HistoryStore(layout.history()));
    this.retention = new Retention(layout, options.keepSnapshots(), options.keepRunReports());
  }

  /** A run under way: its id, when it started, and the snapshot before it, if any. */
  private record Run(String id, Instant started, Optional<PreviousSnapshot> previous) {}

  /**
   * Runs the harvest under the output folder's lock. A failed harvest is a report with the outcome
   * {@link RunOutcome#FAILED}, not an exception; so is one asked to stop before it published.
   *
   * @throws RunLock.HeldException when another run is using the output folder
   * @throws IOException when the output folder itself cannot be used
   */
  public RunReport run() throws IOException {
    RunLock lock = RunLock.acquire(layout, clock.instant());
    try {
      SnapshotDirectory snapshots = new SnapshotDirectory(layout);
      snapshots.cleanUp();
      Instant started = snapshots.freeSecond(clock, RUN_ID);
      Optional<PreviousSnapshot> previous =
          PreviousSnapshot.read(layout.latestDatabase(), options.registries());
      // Catches the history up with a snapshot whose run died before recording it.
      previous.ifPresent(history::catchUp);
      Run run = new Run(RUN_ID.format(started), started, previous);
      Path staging = snapshots.createStaging(run.id());
      Staged staged = stage(run, staging);
      return publishOrDiscard(staged, run, snapshots, staging);
    } finally {
      lock.close();
    }
  }

  /** What staging the snapshot came to, and the history to commit once it is published. */
  private record Staged(RunReport report, HistoryStore.@Nullable Recording versions) {}

  /** Plans, fetches, joins and writes the snapshot in the staging folder. */
  private Staged stage(Run run, Path staging) {
    Path database = staging.resolve(OutputLayout.DATABASE);
    try (StagingStore store = StagingStore.create(database, options.registries())) {
      RecordIntake intake =
          new RecordIntake(store, classifier, options.trialIds(), run.started(), progress);
      List<SourceOutcome> outcomes = fetch(run, store, intake);
      if (stop.raised()) {
        return new Staged(failed(run, outcomes, intake.skippedRecords(), List.of(STOPPED)), null);
      }
      if (outcomes.stream().allMatch(SourceOutcome::failed)) {
        return new Staged(
            failed(run, outcomes, intake.skippedRecords(), Fetch.failures(outcomes)), null);
      }
      checkpoint.reached(Checkpoint.Moment.HARVESTED);
      progress.writing();
      join(run, store, intake);
      RunReport report = finish(run, store, outcomes, intake);
      return new Staged(report, writeFiles(run, report, staging));
    } catch (Exception e) {
      log.error("Writing the snapshot failed", e);
      String error = "Writing the snapshot failed: " + FailureText.of(e);
      return new Staged(failed(run, List.of(), List.of(), List.of(error)), null);
    }
  }

  /**
   * Fetches every registry's records, as planned, until asked to stop; then, unless every registry
   * failed, keeps the previous snapshot's records of those that did, and warns of them.
   */
  private List<SourceOutcome> fetch(Run run, StagingStore store, RecordIntake intake)
      throws Exception {
    HarvestPlan plan =
        new HarvestPlan(run.previous(), options.forceFull(), options.fullEvery(), run.started());
    Fetch fetch = new Fetch(plan, run.previous(), store, intake, run.started());
    List<SourceOutcome> outcomes = new ArrayList<>();
    for (TrialSource source : sources) {
      if (stop.raised()) {
        break;
      }
      progress.sourceStarted(source.registry());
      SourceOutcome outcome = fetch.harvest(source);
      outcomes.add(outcome);
      progress.sourceFinished(outcome);
    }
    if (stop.raised() || outcomes.stream().allMatch(SourceOutcome::failed)) {
      return outcomes;
    }
    List<SourceOutcome> kept = fetch.carryOverFailed(outcomes);
    fetch.warnings(kept).forEach(intake::warned);
    return kept;
  }

  /** Merges the records that name one trial into one row. */
  private void join(Run run, StagingStore store, RecordIntake intake) throws Exception {
    new Join(
            store,
            classifier,
            options.trialIds(),
            new TrialMerger(options.registryOrder()),
            run.started())
        .mergeGroups(intake.groups());
  }

  /**
   * Counts the trials, compares them with the previous snapshot, back-fills the record histories of
   * the MDMA trials and compares their primary outcomes with the first known, and records the run.
   */
  private RunReport finish(
      Run run, StagingStore store, List<SourceOutcome> outcomes, RecordIntake intake)
      throws Exception {
    TrialTable.Counts counts = store.trials().counts();
    Map<Change.Type, Integer> changes =
        store.writeChanges(run.previous().map(PreviousSnapshot::database).orElse(null));
    if (!counts.studiedByCategory().isEmpty()) {
      new OutcomeBackfill(
              new PrimaryOutcomeVersions(layout.history()), store, intake, stop, run.id())
          .run(sources, outcomes);
    }
    store.writeOutcomeChanges(layout.history());
    boolean clean = intake.skippedRecords().isEmpty() && intake.warnings().isEmpty();
    RunReport report =
        new RunReport(
            run.id(),
            run.started(),
            clock.instant(),
            clean ? RunOutcome.PUBLISHED : RunOutcome.PUBLISHED_WITH_WARNINGS,
            layout.snapshot(run.id()).toString(),
            counts.trials(),
            counts.studiedByCategory(),
            changes,
            outcomes,
            intake.skippedRecords(),
            retriesByHost.get(),
            intake.warnings());
    store.writeRun(report);
    store.finish();
    return report;
  }

  /**
   * Writes the snapshot's files from its finished database and, meanwhile, the run's versions into
   * the history (uncommitted until the snapshot is published) and the database to disk.
   */
  private HistoryStore.@Nullable Recording writeFiles(Run run, RunReport report, Path staging)
      throws Exception {
    Path database = staging.resolve(OutputLayout.DATABASE);
    return SnapshotFiles.all(options.dictionary())
        .write(
            new SnapshotRows(database, report),
            staging,
            () -> {
              HistoryStore.Recording versions = history.prepare(database, run.id(), run.started());
              // Publishing forces every file to disk; the database, the largest, can go while the
              // other files are still being written.
              SnapshotDirectory.force(database);
              return versions;
            });
  }

  /** Publishes the staged snapshot and commits its history, or discards it. */
  private RunReport publishOrDiscard(
      Staged staged, Run run, SnapshotDirectory snapshots, Path staging) throws IOException {
    RunReport report = staged.report();
    try (HistoryStore.Recording versions = staged.versions()) {
      if (report.published() && stop.raised()) {
        report = failed(run, report.sources(), List.of(), List.of(STOPPED));
      }
      if (!report.published()) {
        snapshots.discard(staging);
        writeFailedReport(report);
        retention.pruneRunReports();
        return report;
      }
      checkpoint.reached(Checkpoint.Moment.FILES_WRITTEN);
      Path published = snapshots.publish(staging, run.id(), checkpoint);
      checkpoint.reached(Checkpoint.Moment.PUBLISHED);
      log.info("Published {}", published);
      if (versions != null) {
        history.commit(versions);
      }
      retention.pruneSnapshots();
      return report;
    }
  }

  /** The report of a run that publishes nothing, and so kept nothing of the last snapshot. */
  private RunReport failed(
      Run run, List<SourceOutcome> outcomes, List<SkippedRecord> skipped, List<String> errors) {
    return new RunReport(
        run.id(),
        run.started(),
        clock.instant(),
        RunOutcome.FAILED,
        null,
        0,
        Map.of(),
        Map.of(),
        Fetch.keptNothing(outcomes),
        skipped,
        retriesByHost.get(),
        errors);
  }

  private void writeFailedReport(RunReport report) {
    Path file = layout.failedRunReport(report.runId());
    try {
      Files.createDirectories(file.getParent());
      RunReportFile.write(report, file);
    } catch (IOException e) {
      log.error("Could not write the report of the failed run to {}", file, e);
    }
  }
}
