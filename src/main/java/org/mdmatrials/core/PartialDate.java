package org.mdmatrials.core;

import java.time.LocalDate;

/**
 * A date as precise as the registry gave it: a year, a year and month, or a full day. A missing day
 * is never invented. Its text is ISO 8601 ({@code 2008}, {@code 2008-05}, {@code 2008-05-14}), and
 * texts of any precision sort in date order, a year before the months within it.
 *
 * @param month 1 to 12, or 0 when the date is a year
 * @param day 1 to 31, or 0 when the date is a year or a month
 */
public record PartialDate(int year, int month, int day) implements Comparable<PartialDate> {
  /** How precise a date is. */
  public enum Precision {
    YEAR,
    MONTH,
    DAY
  }

  public PartialDate {
    if (year < 0 || year > 9999 || month < 0 || month > 12 || day < 0 || day > 31) {
      throw invalid(year + "-" + month + "-" + day);
    }
    if (month == 0 && day != 0) {
      throw invalid(year + "-" + month + "-" + day);
    }
  }

  /**
   * The date a text writes: {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}. Read digit by
   * digit: the workbook reads every date of every trial back from its text.
   *
   * @throws IllegalArgumentException saying what was expected when the text is none of these
   */
  public static PartialDate parse(String text) {
    int length = text.length();
    if (length != 4 && length != 7 && length != 10) {
      throw invalid(text);
    }
    int year = digits(text, 0, 4);
    int month = length >= 7 && text.charAt(4) == '-' ? digits(text, 5, 7) : -1;
    int day = length == 10 && text.charAt(7) == '-' ? digits(text, 8, 10) : -1;
    if (year < 0
        || (length >= 7 && (month < 1 || month > 12))
        || (length == 10 && (day < 1 || day > 31))) {
      throw invalid(text);
    }
    return new PartialDate(year, Math.max(month, 0), Math.max(day, 0));
  }

  public Precision precision() {
    return day != 0 ? Precision.DAY : month != 0 ? Precision.MONTH : Precision.YEAR;
  }

  /** The day, for a full date that is one on the calendar ({@code 2021-02-30} is not). */
  public boolean isCalendarDay() {
    if (precision() != Precision.DAY) {
      return false;
    }
    return day <= LocalDate.of(year, month, 1).lengthOfMonth();
  }

  /** The calendar day of a full date. */
  public LocalDate toLocalDate() {
    if (!isCalendarDay()) {
      throw new IllegalStateException(this + " is not a calendar day");
    }
    return LocalDate.of(year, month, day);
  }

  /**
   * The last day the date covers: itself for a day, else the end of its month or year. A day past
   * its month's end ({@code 2021-02-30}) counts as the month's last.
   */
  public LocalDate lastDay() {
    if (month == 0) {
      return LocalDate.of(year, 12, 31);
    }
    LocalDate first = LocalDate.of(year, month, 1);
    int last = first.lengthOfMonth();
    return first.withDayOfMonth(day == 0 || day > last ? last : day);
  }

  @Override
  public int compareTo(PartialDate other) {
    int byYear = Integer.compare(year, other.year);
    if (byYear != 0) {
      return byYear;
    }
    int byMonth = Integer.compare(month, other.month);
    return byMonth != 0 ? byMonth : Integer.compare(day, other.day);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(10);
    pad(text, year, 4);
    if (month != 0) {
      pad(text.append('-'), month, 2);
    }
    if (day != 0) {
      pad(text.append('-'), day, 2);
    }
    return text.toString();
  }

  private static void pad(StringBuilder text, int number, int width) {
    String digits = Integer.toString(number);
    text.append("0".repeat(width - digits.length())).append(digits);
  }

  /** The number the ASCII digits {@code text[from, to)} write, or -1 if any is not a digit. */
  private static int digits(String text, int from, int to) {
    int number = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      number = number * 10 + (c - '0');
    }
    return number;
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "Expected a date as yyyy, yyyy-MM or yyyy-MM-dd but was \"" + text + "\"");
  }
}
