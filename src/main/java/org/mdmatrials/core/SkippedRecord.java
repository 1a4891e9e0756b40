package org.mdmatrials.core;

import org.jspecify.annotations.Nullable;

/**
 * A record left out of a harvest because it could not be read: which one (its trial id when known,
 * otherwise its page and position), where in it the problem is, and what was wrong.
 */
public record SkippedRecord(
    Registry registry,
    @Nullable String trialId,
    int page,
    int position,
    String path,
    String problem) {
  @Override
  public String toString() {
    String which = trialId != null ? trialId : "record without id";
    return String.format(
        "%s %s (page %d, position %d) at %s: %s",
        registry.displayName(), which, page, position, path, problem);
  }
}
