package org.mdmatrials.core;

import java.util.List;
import java.util.Objects;

/**
 * The primary outcomes of a trial's record through the versions its registry published, first
 * registered first: each version in which they were set or changed, as the registry's record
 * history gives it.
 *
 * @param recordId the record's id at its registry
 * @param requests how many requests reading it took
 * @param complete false when some versions that changed the outcomes could not be read within the
 *     requests allowed
 */
public record OutcomeHistory(
    String recordId, List<Version> versions, int requests, boolean complete) {
  public OutcomeHistory {
    Objects.requireNonNull(recordId, "recordId");
    versions = Lists.copy(versions);
  }

  /**
   * One version of the record: its number at the registry (0 is the first registered), the day it
   * was published, and its primary outcomes (none when it registered none).
   */
  public record Version(int number, PartialDate date, List<Outcome> primaryOutcomes) {
    public Version {
      Objects.requireNonNull(date, "date");
      primaryOutcomes = Lists.copy(primaryOutcomes);
    }
  }
}
