package org.mdmatrials.sink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.SourceOutcome;
import org.mdmatrials.core.SourceSummary;

/**
 * A run's report as rows of named values: the one mapping behind {@code run.json} and the {@code
 * runs}, {@code run_sources} and {@code run_skipped_records} tables, so that the two always say the
 * same under the same names. Values are text, numbers, booleans, a map of counts ({@code
 * retries_by_host}) or a list of texts ({@code errors}), or null.
 */
public final class RunRows {
  private RunRows() {}

  /** The run's row of {@code runs}. */
  public static Map<String, @Nullable Object> run(RunReport report) {
    Map<String, @Nullable Object> row = new LinkedHashMap<>();
    row.put("run_id", report.runId());
    row.put("started_at", report.startedAt().toString());
    row.put("finished_at", report.finishedAt().toString());
    row.put("outcome", report.outcome().name());
    row.put("trials", report.trials());
    row.put("skipped", report.skipped().size());
    row.put("retries_by_host", report.retriesByHost());
    row.put("errors", report.errors());
    return row;
  }

  /** The rows of {@code run_sources}, one per registry, without the run's id. */
  public static List<Map<String, @Nullable Object>> sources(RunReport report) {
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    for (SourceOutcome outcome : report.sources()) {
      Map<String, @Nullable Object> row = new LinkedHashMap<>();
      row.put("registry", outcome.registry().code());
      SourceSummary s = outcome.summary();
      row.put("query", s == null ? null : s.query());
      row.put("full_harvest", s == null ? null : s.full());
      row.put("source_version", s == null ? null : s.sourceVersion());
      row.put("expected", s == null ? null : s.expected());
      row.put("received", s == null ? null : s.received());
      row.put("skipped", s == null ? null : s.skipped());
      row.put("pages", s == null ? null : s.pages());
      row.put("carried_over", outcome.carriedOver());
      row.put(
          "last_full_harvest",
          outcome.lastFullHarvest() == null ? null : String.valueOf(outcome.lastFullHarvest()));
      row.put("error", outcome.error());
      rows.add(row);
    }
    return rows;
  }

  /** The rows of {@code run_skipped_records}, without the run's id. */
  public static List<Map<String, @Nullable Object>> skipped(RunReport report) {
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    for (SkippedRecord r : report.skipped()) {
      Map<String, @Nullable Object> row = new LinkedHashMap<>();
      row.put("registry", r.registry().code());
      row.put("trial_id", r.trialId());
      row.put("page", r.page());
      row.put("position", r.position());
      row.put("path", r.path());
      row.put("problem", r.problem());
      rows.add(row);
    }
    return rows;
  }
}
