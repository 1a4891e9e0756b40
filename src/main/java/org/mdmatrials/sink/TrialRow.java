package org.mdmatrials.sink;

import java.time.Instant;
import java.util.Objects;
import org.mdmatrials.core.Classification;
import org.mdmatrials.core.Trial;

/** A trial as a snapshot holds it: the record, how it was sorted, and when it was harvested. */
public record TrialRow(Trial trial, Classification classification, Instant harvestedAt) {
  public TrialRow {
    Objects.requireNonNull(trial, "trial");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(harvestedAt, "harvestedAt");
  }
}
