package org.mdmatrials.sink;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The columns of {@code changes.csv} and of the {@code changes} table, in order. */
public enum ChangeColumn {
  TRIAL_ID,
  CHANGE,
  FIELD,
  OLD_VALUE,
  NEW_VALUE;

  /** This column's cell in a row of every column in order, as the snapshot's readers hand on. */
  // The columns' order is the rows' order: that is what the ordinal stands for here.
  @SuppressWarnings("EnumOrdinal")
  public @Nullable Object in(List<? extends @Nullable Object> row) {
    return row.get(ordinal());
  }

  /** Every column's name, in order. */
  public static final List<String> NAMES =
      Stream.of(values()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
}
