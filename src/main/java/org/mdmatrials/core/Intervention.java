package org.mdmatrials.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One intervention of a trial, as the registry names it. */
public record Intervention(@Nullable String type, @Nullable String name, List<String> otherNames) {
  public Intervention {
    otherNames = Lists.copy(otherNames);
  }

  /**
   * The intervention as one cell: {@code DRUG: Midomafetamine}, or the bare name without a type.
   */
  public @Nullable String label() {
    return type == null ? name : type + ": " + name;
  }
}
