package org.mdmatrials.core;

import org.jspecify.annotations.Nullable;

/** Another identifier of a trial: a grant, a sponsor's protocol number, another registry's id. */
public record SecondaryId(@Nullable String type, String id, @Nullable String domain) {
  public SecondaryId {
    if (id.isBlank()) {
      throw new IllegalArgumentException("Expected a secondary id but was empty");
    }
  }

  /** The id as one cell: {@code EUDRACT_NUMBER: 2019-001234-56}, or the bare id without a type. */
  public String label() {
    return type == null ? id : type + ": " + id;
  }
}
