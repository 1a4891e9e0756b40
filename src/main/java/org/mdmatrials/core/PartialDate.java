package org.mdmatrials.core;

import java.util.regex.Pattern;

/**
 * A date as precise as the registry gave it: a year, a year and month, or a full day. A missing day
 * is never invented.
 */
public record PartialDate(String value) {
  private static final Pattern FORMAT =
      Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");

  public PartialDate {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "Expected a date as yyyy, yyyy-MM or yyyy-MM-dd but was \"" + value + "\"");
    }
  }

  public boolean isFullDate() {
    return value.length() == 10;
  }

  @Override
  public String toString() {
    return value;
  }
}
