package org.mdmatrials.core;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What became of one registry in a run: harvested (in full, or incrementally with its unchanged
 * records kept from the last snapshot); failed with its records carried over from the last
 * snapshot; or failed with nothing to carry over.
 */
public sealed interface SourceOutcome {
  Registry registry();

  /** When the registry was last harvested in full, this run included; null if never. */
  @Nullable Instant lastFullHarvest();

  /** How many of its records were copied from the last snapshot. */
  int carriedOver();

  /** The registry was read completely. */
  record Harvested(
      Registry registry, SourceSummary summary, int carriedOver, @Nullable Instant lastFullHarvest)
      implements SourceOutcome {}

  /** The registry failed; its records of the run {@code fromRun} were kept. */
  record CarriedOver(
      Registry registry,
      String error,
      int carriedOver,
      String fromRun,
      @Nullable Instant lastFullHarvest)
      implements SourceOutcome {}

  /** The registry failed, and no earlier snapshot held records of it. */
  record Failed(Registry registry, String error, @Nullable Instant lastFullHarvest)
      implements SourceOutcome {
    @Override
    public int carriedOver() {
      return 0;
    }
  }

  /** The harvest's summary, for a registry that was read. */
  default @Nullable SourceSummary summary() {
    return this instanceof Harvested harvested ? harvested.summary() : null;
  }

  /** Why the registry failed, for one that did. */
  default @Nullable String error() {
    if (this instanceof CarriedOver carried) {
      return carried.error();
    }
    return this instanceof Failed failed ? failed.error() : null;
  }

  default boolean failed() {
    return !(this instanceof Harvested);
  }
}
