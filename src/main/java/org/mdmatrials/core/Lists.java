package org.mdmatrials.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Defensive copies for the list components of records. */
final class Lists {
  private Lists() {}

  /**
   * An unmodifiable copy; null becomes the empty list. An element that is null is refused: a mapper
   * says what a registry's empty entry means before it builds a record.
   */
  static <T> List<T> copy(@Nullable List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
