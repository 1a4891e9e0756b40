package org.mdmatrials.core;

/** How a run ended. */
public enum RunOutcome {
  /** A complete snapshot was published. */
  PUBLISHED,
  /**
   * A snapshot was published, but records were left out as unreadable, a registry sent a record
   * twice, or a failed registry's records were carried over from the last snapshot.
   */
  PUBLISHED_WITH_WARNINGS,
  /** Nothing was published: every registry failed, writing failed, or the run was stopped. */
  FAILED
}
