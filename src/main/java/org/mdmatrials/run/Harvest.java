package org.mdmatrials.run;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.mdmatrials.classify.Classifier;
import org.mdmatrials.core.Change;
import org.mdmatrials.core.Indication;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.core.RunReport.SourceResult;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.core.Tasks;
import org.mdmatrials.join.TrialMerger;
import org.mdmatrials.sink.RunReportFile;
import org.mdmatrials.sink.TrialColumn;
import org.mdmatrials.sink.csv.CsvSnapshotWriter;
import org.mdmatrials.sink.report.HtmlReportWriter;
import org.mdmatrials.sink.sqlite.HistoryStore;
import org.mdmatrials.sink.sqlite.PreviousSnapshot;
import org.mdmatrials.sink.sqlite.SnapshotRows;
import org.mdmatrials.sink.sqlite.SqliteSnapshotWriter;
import org.mdmatrials.sink.xlsx.XlsxSnapshotWriter;
import org.mdmatrials.source.HarvestScope;
import org.mdmatrials.source.TrialSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One harvest run: fetch every source's records (in full or incrementally), join the records that
 * name one trial, classify, write {@code trials.sqlite}, {@code trials.csv}, {@code changes.csv}
 * (what changed since the previous snapshot), {@code trials.xlsx}, {@code data_dictionary.csv},
 * {@code report.html} and {@code run.json}, and publish them together as the new {@code latest}
 * snapshot, or publish nothing and leave the report under {@code runs/}.
 */
public final class Harvest {
  /** Exit code of a run that published a complete snapshot. */
  public static final int PUBLISHED = 0;

  /** Exit code of a run that failed and published nothing. */
  public static final int FAILED = 1;

  /** Exit code of a run that published, but left records out or carried a failed source over. */
  public static final int PUBLISHED_WITH_WARNINGS = 3;

  private static final Logger log = LoggerFactory.getLogger(Harvest.class);
  private static final String HISTORY_NOT_UPDATED =
      "The history was not updated; the next run will catch it up";
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final List<TrialSource> sources;
  private final Classifier classifier;
  private final HarvestOptions options;
  private final Path output;
  private final Clock clock;
  private final Supplier<Map<String, Integer>> retriesByHost;
  private final StopSignal stop;
  private final ProgressListener progress;

  /**
   * @param retriesByHost how often requests were tried again so far, for the report
   * @param stop raised to stop the harvest before it publishes
   * @param progress told how the harvest is getting on ({@link ProgressListener#NONE} for no one)
   */
  public Harvest(
      List<TrialSource> sources,
      Classifier classifier,
      HarvestOptions options,
      Path output,
      Clock clock,
      Supplier<Map<String, Integer>> retriesByHost,
      StopSignal stop,
      ProgressListener progress) {
    this.sources = List.copyOf(sources);
    this.classifier = classifier;
    this.options = options;
    this.output = output;
    this.clock = clock;
    this.retriesByHost = retriesByHost;
    this.stop = stop;
    this.progress = progress;
  }

  /**
   * Runs the harvest under the output folder's lock. A failed harvest is a report with exit code
   * {@link #FAILED}, not an exception; so is one asked to stop before it published.
   *
   * @throws RunLock.HeldException when another run is using the output folder
   * @throws IOException when the output folder itself cannot be used
   */
  public RunReport run() throws IOException {
    RunLock lock = RunLock.acquire(output, clock.instant());
    try {
      SnapshotDirectory snapshots = new SnapshotDirectory(output);
      snapshots.cleanUp();
      Instant started = startSecond(snapshots);
      String runId = RUN_ID.format(started);
      Optional<PreviousSnapshot> previous =
          PreviousSnapshot.read(snapshots.latest().resolve("trials.sqlite"), options.registries());
      // Catches the history up with a snapshot whose run died before recording it.
      previous.ifPresent(this::recordHistory);
      Path staging = snapshots.createStaging(runId);
      Built built = build(staging, runId, started, previous);
      RunReport report = built.report();
      try (HistoryStore.Recording history = built.history()) {
        if (report.exitCode() != FAILED && stop.raised()) {
          report = failed(runId, started, report.sources(), List.of("Stopped before publishing"));
        }
        if (report.exitCode() == FAILED) {
          snapshots.discard(staging);
          writeFailedReport(report);
          return report;
        }
        Path published = snapshots.publish(staging, runId);
        log.info("Published {}", published);
        if (history != null) {
          commitHistory(history);
        }
        return report;
      }
    } finally {
      lock.close();
    }
  }

  /** What building the snapshot in the staging folder came to. */
  private record Built(RunReport report, HistoryStore.Recording history) {}

  /**
   * Harvests into the staging folder and writes the snapshot's files there. A failure is a report
   * with exit code {@link #FAILED}, and then there is no history to commit.
   */
  private Built build(
      Path staging, String runId, Instant started, Optional<PreviousSnapshot> previous) {
    try {
      RunReport report = harvestInto(staging, runId, started, previous);
      if (report.exitCode() == FAILED) {
        return new Built(report, null);
      }
      return new Built(report, writeFiles(staging, report, runId, started));
    } catch (IOException | SQLException | RuntimeException e) {
      log.error("Writing the snapshot failed", e);
      return new Built(
          failed(runId, started, List.of(), List.of("Writing the snapshot failed: " + e)), null);
    }
  }

  /**
   * The second this run starts at, which names its snapshot: the next one when a run published in
   * the current second already.
   */
  private Instant startSecond(SnapshotDirectory snapshots) throws IOException {
    Instant now = clock.instant();
    Instant second = now.truncatedTo(ChronoUnit.SECONDS);
    if (snapshots.exists(RUN_ID.format(second))) {
      try {
        Thread.sleep(Duration.between(now, second.plusSeconds(1)).toMillis() + 1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the next second");
      }
      second = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
    return second;
  }

  /** Harvests every source into the snapshot's database, and finishes it unless all failed. */
  private RunReport harvestInto(
      Path staging, String runId, Instant started, Optional<PreviousSnapshot> previous)
      throws IOException, SQLException {
    try (SqliteSnapshotWriter db =
        SqliteSnapshotWriter.create(staging.resolve("trials.sqlite"), options.registries())) {
      RecordCollector collector =
          new RecordCollector(db, classifier, options.trialIds(), started, progress);
      HarvestPlan plan =
          new HarvestPlan(previous, options.forceFull(), options.fullEvery(), started);
      List<SourceResult> results = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      for (TrialSource source : sources) {
        if (stop.raised()) {
          return report(
              runId,
              started,
              FAILED,
              null,
              0,
              Map.of(),
              Map.of(),
              collector,
              results,
              List.of("Stopped before publishing"));
        }
        progress.sourceStarted(source.registry());
        results.add(harvest(source, plan, previous, db, collector, errors, started));
        progress.sourceFinished(results.get(results.size() - 1));
      }
      if (results.stream().allMatch(SourceResult::failed)) {
        return report(
            runId, started, FAILED, null, 0, Map.of(), Map.of(), collector, results, errors);
      }
      errors.forEach(collector::warn);
      progress.writing();
      TrialAssembler assembler =
          new TrialAssembler(
              db,
              classifier,
              options.trialIds(),
              new TrialMerger(options.registryOrder()),
              started);
      assembler.assemble(collector.groups());
      SqliteSnapshotWriter.TrialCounts counts = db.countTrials();
      Map<Change.Type, Integer> changes =
          db.writeChanges(previous.map(PreviousSnapshot::database).orElse(null));
      boolean clean = collector.skippedRecords().isEmpty() && collector.warnings().isEmpty();
      RunReport report =
          report(
              runId,
              started,
              clean ? PUBLISHED : PUBLISHED_WITH_WARNINGS,
              output.resolve("snapshots").resolve(runId).toString(),
              counts.trials(),
              counts.studiedByCategory(),
              changes,
              collector,
              results,
              collector.warnings());
      db.writeRun(report);
      db.finish();
      return report;
    }
  }

  /**
   * Writes the files made from the finished database and run.json: the workbook on a thread of its
   * own, as it takes the longest, and meanwhile the other files, the run's versions into the
   * history (uncommitted until the snapshot is published), and the database to disk.
   *
   * @return the history's recording to commit once published, or null when it failed (logged; the
   *     next run catches the history up)
   */
  private HistoryStore.Recording writeFiles(
      Path staging, RunReport report, String runId, Instant started)
      throws IOException, SQLException {
    Path database = staging.resolve("trials.sqlite");
    ExecutorService workbookThread =
        Executors.newSingleThreadExecutor(task -> new Thread(task, "trials.xlsx"));
    HistoryStore.Recording history = null;
    try {
      Future<Void> workbook =
          workbookThread.submit(
              () -> {
                try (SnapshotRows rows = SnapshotRows.open(database)) {
                  XlsxSnapshotWriter.write(staging.resolve("trials.xlsx"), rows);
                }
                return null;
              });
      try (SnapshotRows rows = SnapshotRows.open(database)) {
        try (CsvSnapshotWriter csv =
            CsvSnapshotWriter.create(staging.resolve("trials.csv"), TrialColumn.NAMES)) {
          rows.forEachTrial(csv::writeRow);
        }
        try (CsvSnapshotWriter csv =
            CsvSnapshotWriter.create(
                staging.resolve("changes.csv"), SqliteSnapshotWriter.CHANGE_COLUMNS)) {
          rows.forEachChange(csv::writeRow);
        }
      }
      options
          .dictionary()
          .write(staging.resolve("data_dictionary.csv"), staging.resolve("column_sources.csv"));
      HtmlReportWriter.write(database, report, staging.resolve("report.html"));
      RunReportFile.write(report, staging.resolve("run.json"));
      history = prepareHistory(database, runId, started);
      // Publishing forces every file to disk; the database, the largest, can go while the workbook
      // is still being written.
      SnapshotDirectory.force(database);
      Tasks.await(workbook, "the workbook");
      return history;
    } catch (IOException | SQLException | RuntimeException e) {
      if (history != null) {
        history.close();
      }
      throw e;
    } finally {
      // On a failure above, the workbook is still waited for: the staging folder is deleted next.
      workbookThread.shutdown();
      awaitQuietly(workbookThread);
    }
  }

  /** Waits, however interrupted, until the pool's tasks have ended. */
  private static void awaitQuietly(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Harvests one source and, where the snapshot should hold records this run did not fetch, copies
   * them from the previous snapshot: the unchanged ones after an incremental harvest, or all of
   * them, marked as carried over, when the source failed. A failure is caught here, once.
   */
  private SourceResult harvest(
      TrialSource source,
      HarvestPlan plan,
      Optional<PreviousSnapshot> previous,
      SqliteSnapshotWriter db,
      RecordCollector collector,
      List<String> errors,
      Instant started)
      throws SQLException, IOException {
    var registry = source.registry();
    HarvestScope scope = plan.scopeFor(registry);
    log.debug(
        "{}: {}",
        registry.displayName(),
        scope.isFull()
            ? "full harvest"
            : "incremental harvest of records updated since " + scope.updatedSince().get());
    SourceSummary summary = null;
    String error = null;
    try {
      summary = source.harvest(collector, scope);
    } catch (IOException | RuntimeException e) {
      log.error("{} failed", registry.displayName(), e);
      error = e.getMessage();
      errors.add(registry.displayName() + ": " + e.getMessage());
    }
    int carried = 0;
    if (previous.isPresent() && (summary == null || !summary.full())) {
      String freshThen =
          summary == null
              ? "carried over (data of " + previous.get().startedAt() + ")"
              : SqliteSnapshotWriter.FRESH;
      carried =
          db.carryOver(
              previous.get().database(),
              registry,
              collector.fetched(registry),
              freshThen,
              collector::copied);
      if (summary == null) {
        errors.set(
            errors.size() - 1,
            errors.get(errors.size() - 1)
                + "; its "
                + carried
                + " records were carried over from "
                + previous.get().runId());
      }
    }
    return new SourceResult(
        registry, summary, error, carried, plan.lastFullHarvest(registry, summary, started));
  }

  private RunReport report(
      String runId,
      Instant started,
      int exitCode,
      String snapshot,
      int trials,
      Map<Indication, Integer> studied,
      Map<Change.Type, Integer> changes,
      RecordCollector collector,
      List<SourceResult> results,
      List<String> errors) {
    return new RunReport(
        runId,
        started,
        clock.instant(),
        exitCode,
        snapshot,
        trials,
        studied,
        changes,
        results,
        collector.skippedRecords(),
        retriesByHost.get(),
        errors);
  }

  private RunReport failed(
      String runId, Instant started, List<SourceResult> results, List<String> errors) {
    return new RunReport(
        runId,
        started,
        clock.instant(),
        FAILED,
        null,
        0,
        Map.of(),
        Map.of(),
        results,
        List.of(),
        retriesByHost.get(),
        errors);
  }

  /**
   * Records a published snapshot in history.sqlite; a failure is logged, and the next run retries.
   */
  private void recordHistory(PreviousSnapshot snapshot) {
    try {
      history().record(snapshot.database(), snapshot.runId(), snapshot.startedAt().toString());
    } catch (IOException e) {
      log.error(HISTORY_NOT_UPDATED, e);
    }
  }

  /** Writes this run's versions into history.sqlite, or logs why not and returns null. */
  private HistoryStore.Recording prepareHistory(Path database, String runId, Instant started) {
    try {
      return history().prepare(database, runId, started.toString());
    } catch (IOException e) {
      log.error(HISTORY_NOT_UPDATED, e);
      return null;
    }
  }

  private void commitHistory(HistoryStore.Recording recording) {
    try {
      recording.commit();
    } catch (IOException e) {
      log.error(HISTORY_NOT_UPDATED, e);
    }
  }

  private HistoryStore history() {
    return new HistoryStore(output.resolve("history.sqlite"));
  }

  private void writeFailedReport(RunReport report) {
    Path runs = output.resolve("runs");
    try {
      Files.createDirectories(runs);
      RunReportFile.write(report, runs.resolve(report.runId() + ".json"));
    } catch (IOException e) {
      log.error("Could not write the report of the failed run to {}", runs, e);
    }
  }
}
