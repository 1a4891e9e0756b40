package org.mdmatrials.sink;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.mdmatrials.core.Classification;
import org.mdmatrials.core.Trial;

/**
 * A trial as a snapshot holds it: the record (merged from every registry that lists the trial), how
 * it was sorted, every registry id of the trial, whether its data is fresh or carried over from an
 * earlier snapshot, and when it was harvested.
 */
public record TrialRow(
    Trial trial,
    Classification classification,
    List<String> linkedIds,
    String sourceStatus,
    Instant harvestedAt) {
  public TrialRow {
    Objects.requireNonNull(trial, "trial");
    Objects.requireNonNull(classification, "classification");
    linkedIds = List.copyOf(linkedIds);
    Objects.requireNonNull(sourceStatus, "sourceStatus");
    Objects.requireNonNull(harvestedAt, "harvestedAt");
  }
}
