package org.mdmatrials.source;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a harvest asks a registry for: every matching record, or only those updated on or after a
 * day (an incremental harvest, merged into the previous snapshot by the caller).
 */
public record HarvestScope(Optional<LocalDate> updatedSince) {
  private static final HarvestScope FULL = new HarvestScope(Optional.empty());

  public static HarvestScope full() {
    return FULL;
  }

  public static HarvestScope updatedSince(LocalDate day) {
    return new HarvestScope(Optional.of(day));
  }

  public boolean isFull() {
    return updatedSince.isEmpty();
  }
}
