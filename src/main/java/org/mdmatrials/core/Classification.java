package org.mdmatrials.core;

import java.util.List;
import java.util.Objects;

/**
 * How a trial was sorted: whether it studies MDMA, every indication it fits (most specific first)
 * and the one picked as primary. A trial that fits none has the single category OTHER.
 */
public record Classification(MdmaRole mdmaRole, List<CategoryMatch> categories) {
  public Classification {
    Objects.requireNonNull(mdmaRole, "mdmaRole");
    categories = Lists.copy(categories);
    if (categories.isEmpty()) {
      throw new IllegalArgumentException("Expected at least one category, OTHER when none fits");
    }
  }

  public Indication primaryCategory() {
    return categories.get(0).category();
  }

  /** {@code COUPLES_THERAPY: title "Conjoint Therapy"; PTSD: condition "PTSD"}; empty for OTHER. */
  public String evidence() {
    return String.join(
        "; ",
        categories.stream()
            .filter(m -> !m.evidence().isEmpty())
            .map(m -> m.category() + ": " + m.describeEvidence())
            .toList());
  }
}
