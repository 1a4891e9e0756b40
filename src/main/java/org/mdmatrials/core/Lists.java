package org.mdmatrials.core;

import java.util.List;
import java.util.Objects;

/** Defensive copies for the list components of records. */
final class Lists {
  private Lists() {}

  /** An unmodifiable copy without nulls; null becomes the empty list. */
  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }
}
