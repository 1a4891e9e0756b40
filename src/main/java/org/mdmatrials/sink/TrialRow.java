package org.mdmatrials.sink;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.mdmatrials.core.Classification;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.ResultsStatus;
import org.mdmatrials.core.SourceStatus;
import org.mdmatrials.core.Trial;

/**
 * A trial as a snapshot holds it: the record (merged from every registry that lists the trial), how
 * it was sorted, every registry id of the trial, whether each of its records is fresh or carried
 * over from an earlier snapshot, and when it was harvested.
 */
public record TrialRow(
    Trial trial,
    Classification classification,
    List<String> linkedIds,
    List<Source> sources,
    Instant harvestedAt) {
  public TrialRow {
    Objects.requireNonNull(trial, "trial");
    Objects.requireNonNull(classification, "classification");
    linkedIds = List.copyOf(linkedIds);
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("Expected the trial's records but was none");
    }
    Objects.requireNonNull(harvestedAt, "harvestedAt");
  }

  /**
   * Whether the trial's evidence is out on the day it was harvested (UTC): a row carried over is
   * made again each night, so its status moves with time.
   */
  public ResultsStatus resultsStatus() {
    return ResultsStatus.of(trial, LocalDate.ofInstant(harvestedAt, ZoneOffset.UTC));
  }

  /** One registry record of the trial, and whether it is fresh. */
  public record Source(Registry registry, SourceStatus status) {}

  /**
   * The {@code source_status} cell: {@code fresh} when every record is, a single record's status,
   * or else each registry's: {@code A: fresh; B: carried over (data of …)}.
   */
  String sourceStatus() {
    if (sources.stream().allMatch(s -> s.status() instanceof SourceStatus.Fresh)) {
      return SourceStatus.FRESH.text();
    }
    if (sources.size() == 1) {
      return sources.get(0).status().text();
    }
    return String.join(
        "; ",
        sources.stream()
            .map(s -> s.registry().code() + ": " + s.status().text())
            .distinct()
            .toList());
  }
}
