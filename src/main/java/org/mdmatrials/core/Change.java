package org.mdmatrials.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One difference between a snapshot and the one before it: a trial added, a trial removed, or one
 * field of a trial changed from one value to another.
 */
public record Change(
    String trialId,
    Type type,
    @Nullable String field,
    @Nullable String oldValue,
    @Nullable String newValue) {
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
