package org.mdmatrials.core;

import java.util.List;
import java.util.Objects;

/** One indication a trial was sorted into, with the text that put it there. */
public record CategoryMatch(Indication category, List<Evidence> evidence) {
  public CategoryMatch {
    Objects.requireNonNull(category, "category");
    evidence = Lists.copy(evidence);
  }

  /** The evidence as one phrase: {@code condition "PTSD", title "Posttraumatic Stress"}. */
  public String describeEvidence() {
    return String.join(", ", evidence.stream().map(Evidence::toString).toList());
  }

  /** Where a category's term was found: the field's name and the text matched there. */
  public record Evidence(String field, String text) {
    @Override
    public String toString() {
      return field + " \"" + text + "\"";
    }
  }
}
