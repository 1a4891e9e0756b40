package org.mdmatrials.run;

import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SourceOutcome;

/**
 * Told how a harvest is getting on, for a person watching it: each registry as it starts, its
 * records as they arrive, how it ended, and when the snapshot is being written. Every method does
 * nothing unless overridden.
 */
public interface ProgressListener {
  /** Tells nothing to no one. */
  ProgressListener NONE = new ProgressListener() {};

  default void sourceStarted(Registry registry) {}

  /** {@code records} of the registry's records arrived so far in this run. */
  default void recordsReceived(Registry registry, int records) {}

  default void sourceFinished(SourceOutcome outcome) {}

  /** Every registry is done; the records are joined, classified and written. */
  default void writing() {}
}
