package org.mdmatrials.core;

import java.util.List;

/** One intervention of a trial, as the registry names it. */
public record Intervention(String type, String name, List<String> otherNames) {
  public Intervention {
    otherNames = Lists.copy(otherNames);
  }

  /**
   * The intervention as one cell: {@code DRUG: Midomafetamine}, or the bare name without a type.
   */
  public String label() {
    return type == null ? name : type + ": " + name;
  }
}
