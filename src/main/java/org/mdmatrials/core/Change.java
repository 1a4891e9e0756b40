package org.mdmatrials.core;

import java.util.Objects;

/**
 * One difference between a snapshot and the one before it: a trial added, a trial removed, or one
 * field of a trial changed from one value to another.
 */
public record Change(String trialId, Type type, String field, String oldValue, String newValue) {
  /** What happened to the trial. */
  public enum Type {
    ADDED,
    REMOVED,
    CHANGED
  }

  public Change {
    Objects.requireNonNull(trialId, "trialId");
    Objects.requireNonNull(type, "type");
  }
}
