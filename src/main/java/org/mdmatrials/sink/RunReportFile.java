package org.mdmatrials.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.SourceSummary;

/** Writes a run's report as {@code run.json}, with the names the SQLite {@code runs} tables use. */
public final class RunReportFile {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunReportFile() {}

  /** Writes the report to {@code file} through a temporary file, so no reader sees half of it. */
  public static void write(RunReport report, Path file) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writeValue(temporary.toFile(), toJson(report));
    Files.move(
        temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  static ObjectNode toJson(RunReport report) {
    ObjectNode run = JSON.createObjectNode();
    run.put("run_id", report.runId());
    run.put("started_at", report.startedAt().toString());
    run.put("finished_at", report.finishedAt().toString());
    run.put("exit_code", report.exitCode());
    run.put("snapshot", report.snapshot());
    run.put("trials", report.trials());
    ObjectNode studied = run.putObject("mdma_intervention_trials_by_primary_category");
    report.studiedByCategory().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> studied.put(e.getKey().name(), e.getValue()));
    ObjectNode changes = run.putObject("changes");
    report.changes().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> changes.put(e.getKey().name(), e.getValue()));
    ArrayNode sources = run.putArray("sources");
    for (RunReport.SourceResult result : report.sources()) {
      sources.add(source(result));
    }
    ObjectNode retries = run.putObject("retries_by_host");
    report.retriesByHost().forEach(retries::put);
    ArrayNode skipped = run.putArray("skipped_records");
    for (SkippedRecord record : report.skipped()) {
      skipped
          .addObject()
          .put("registry", record.registry().code())
          .put("trial_id", record.trialId())
          .put("page", record.page())
          .put("position", record.position())
          .put("path", record.path())
          .put("problem", record.problem());
    }
    ArrayNode errors = run.putArray("errors");
    report.errors().forEach(errors::add);
    return run;
  }

  private static ObjectNode source(RunReport.SourceResult result) {
    ObjectNode source = JSON.createObjectNode();
    source.put("registry", result.registry().code());
    SourceSummary s = result.summary();
    if (s != null) {
      source.put("query", s.query());
      source.put("full_harvest", s.full());
      source.put("source_version", s.sourceVersion());
      source.put("expected", s.expected());
      source.put("received", s.received());
      source.put("skipped", s.skipped());
      source.put("pages", s.pages());
    }
    source.put("carried_over", result.carriedOver());
    source.put(
        "last_full_harvest",
        result.lastFullHarvest() == null ? null : result.lastFullHarvest().toString());
    source.put("error", result.error());
    return source;
  }
}
