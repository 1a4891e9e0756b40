package org.mdmatrials.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mdmatrials.classify.Classifier;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.core.RunReport.SourceResult;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.sink.RunReportFile;
import org.mdmatrials.sink.TrialColumn;
import org.mdmatrials.sink.csv.CsvSnapshotWriter;
import org.mdmatrials.sink.sqlite.SqliteSnapshotWriter;
import org.mdmatrials.source.HarvestScope;
import org.mdmatrials.source.TrialSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One harvest run: fetch from every source, classify, write {@code trials.sqlite}, {@code
 * trials.csv} and {@code run.json}, and publish them together as the new {@code latest} snapshot,
 * or publish nothing and leave the report under {@code runs/}.
 */
public final class Harvest {
  /** Exit code of a run that published a complete snapshot. */
  public static final int PUBLISHED = 0;

  /** Exit code of a run that failed and published nothing. */
  public static final int FAILED = 1;

  /** Exit code of a run that published, but left records out or met something to look at. */
  public static final int PUBLISHED_WITH_WARNINGS = 3;

  private static final Logger log = LoggerFactory.getLogger(Harvest.class);
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final List<TrialSource> sources;
  private final Classifier classifier;
  private final Path output;
  private final Clock clock;
  private final Supplier<Map<String, Integer>> retriesByHost;

  /**
   * @param retriesByHost how often requests were tried again so far, for the report
   */
  public Harvest(
      List<TrialSource> sources,
      Classifier classifier,
      Path output,
      Clock clock,
      Supplier<Map<String, Integer>> retriesByHost) {
    this.sources = List.copyOf(sources);
    this.classifier = classifier;
    this.output = output;
    this.clock = clock;
    this.retriesByHost = retriesByHost;
  }

  /**
   * Runs the harvest under the output folder's lock. A failed harvest is a report with exit code
   * {@link #FAILED}, not an exception.
   *
   * @throws RunLock.HeldException when another run is using the output folder
   * @throws IOException when the output folder itself cannot be used
   */
  public RunReport run() throws IOException {
    Instant started = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    RunLock lock = RunLock.acquire(output, started);
    try {
      String runId = RUN_ID.format(started);
      SnapshotDirectory snapshots = new SnapshotDirectory(output);
      snapshots.cleanUp();
      Path staging = snapshots.createStaging(runId);
      RunReport report;
      try {
        report = build(staging, runId, started);
      } catch (IOException | SQLException | RuntimeException e) {
        log.error("Writing the snapshot failed", e);
        report = failed(runId, started, List.of(), List.of("Writing the snapshot failed: " + e));
      }
      if (report.exitCode() == FAILED) {
        snapshots.discard(staging);
        writeFailedReport(report);
        return report;
      }
      Path published = snapshots.publish(staging, runId);
      log.info("Published {}", published);
      return report;
    } finally {
      lock.close();
    }
  }

  private RunReport build(Path staging, String runId, Instant started)
      throws IOException, SQLException {
    try (SqliteSnapshotWriter db = SqliteSnapshotWriter.create(staging.resolve("trials.sqlite"))) {
      TrialCollector collector = new TrialCollector(db, classifier, started);
      List<SourceResult> results = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      for (TrialSource source : sources) {
        results.add(harvest(source, collector, errors));
      }
      if (!errors.isEmpty()) {
        return report(runId, started, FAILED, null, collector, results, errors);
      }
      boolean clean = collector.skippedRecords().isEmpty() && collector.warnings().isEmpty();
      RunReport report =
          report(
              runId,
              started,
              clean ? PUBLISHED : PUBLISHED_WITH_WARNINGS,
              output.resolve("snapshots").resolve(runId).toString(),
              collector,
              results,
              collector.warnings());
      db.writeRun(report);
      List<String> header =
          List.of(TrialColumn.values()).stream().map(TrialColumn::columnName).toList();
      try (CsvSnapshotWriter csv =
          CsvSnapshotWriter.create(staging.resolve("trials.csv"), header)) {
        db.forEachTrial(csv::writeRow);
      }
      db.finish();
      RunReportFile.write(report, staging.resolve("run.json"));
      return report;
    }
  }

  /** Harvests one source; its failure is caught here, once, and reported. */
  private static SourceResult harvest(
      TrialSource source, TrialCollector collector, List<String> errors) {
    String name = source.registry().displayName();
    try {
      SourceSummary summary = source.harvest(collector, HarvestScope.full());
      return new SourceResult(source.registry(), summary, null);
    } catch (IOException | RuntimeException e) {
      log.error("{} failed", name, e);
      errors.add(name + ": " + e.getMessage());
      return new SourceResult(source.registry(), null, e.getMessage());
    }
  }

  private RunReport report(
      String runId,
      Instant started,
      int exitCode,
      String snapshot,
      TrialCollector collector,
      List<SourceResult> results,
      List<String> errors) {
    return new RunReport(
        runId,
        started,
        clock.instant(),
        exitCode,
        snapshot,
        collector.trials(),
        collector.studiedByCategory(),
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
        results,
        List.of(),
        retriesByHost.get(),
        errors);
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
