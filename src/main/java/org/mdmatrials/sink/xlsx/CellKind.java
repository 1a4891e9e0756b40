package org.mdmatrials.sink.xlsx;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.dhatim.fastexcel.TimestampUtil;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.sink.CellLimit;

/**
 * What a column's values become in the sheet: text, always an inline string and never a formula, so
 * registry text that starts with "=" stays text (and inline, not shared, so that no table of every
 * distinct text is held in memory until the workbook ends); or a number. A date is a number too,
 * Excel's serial day, shown as a date by its column's format.
 */
enum CellKind {
  TEXT(null) {
    @Override
    Object cell(Object value) {
      return CellLimit.fit(value.toString());
    }
  },
  /** A number; anything else is written as text. */
  NUMBER(null) {
    @Override
    Object cell(Object value) {
      return value instanceof Number ? value : TEXT.cell(value);
    }
  },
  /**
   * A date as precise as the registry gave it: a full day ({@code 2008-05-14}) is an Excel date; a
   * year or a month ({@code 2008}, {@code 2008-05}) stays text, since Excel would invent a day. So
   * does a day that is no date ({@code 2021-02-30}) or one before Excel's calendar starts.
   */
  DATE("yyyy-mm-dd") {
    @Override
    Object cell(Object value) {
      LocalDate day = fullDate(value.toString());
      return day != null ? TimestampUtil.convertDate(day) : TEXT.cell(value);
    }
  },
  /** An instant ({@code 2026-11-28T02:30:00Z}) as an Excel date-time in UTC. */
  DATE_TIME("yyyy-mm-dd hh:mm:ss") {
    @Override
    Object cell(Object value) {
      String text = value.toString();
      LocalDateTime time = wholeSecond(text);
      if (time == null) {
        time = LocalDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC);
      }
      return TimestampUtil.convertDate(time);
    }
  };

  private static final int FULL_DATE_LENGTH = "2008-05-14".length();
  private static final int WHOLE_SECOND_LENGTH = "2026-11-28T02:30:00Z".length();
  private static final int FIRST_EXCEL_YEAR = 1900;

  private final @Nullable String format;

  CellKind(@Nullable String format) {
    this.format = format;
  }

  /**
   * The number format of the column's cells, or null for none. It is set on the column's rows, not
   * cell by cell (much the cheaper), and shows text, such as a partial date, unchanged.
   */
  @Nullable String format() {
    return format;
  }

  /**
   * The cell a value that is present becomes: a {@link String} to write as text, or a {@link
   * Number}. Needs no sheet, so it can be done ahead, on another thread than the writing.
   */
  abstract Object cell(Object value);

  // Dates are read digit by digit (PartialDate.parse, and the time here): java.time's parser took
  // half the time of the thread making rows into cells.

  /** The day of a {@code yyyy-mm-dd} text, if it is one Excel can show; else null. */
  private static @Nullable LocalDate fullDate(String text) {
    if (text.length() != FULL_DATE_LENGTH) {
      return null;
    }
    try {
      PartialDate date = PartialDate.parse(text);
      return date.isCalendarDay() && date.year() >= FIRST_EXCEL_YEAR ? date.toLocalDate() : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The time of a {@code yyyy-mm-ddThh:mm:ssZ} text (how harvested_at is written), else null. */
  private static @Nullable LocalDateTime wholeSecond(String text) {
    if (text.length() != WHOLE_SECOND_LENGTH
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(19) != 'Z') {
      return null;
    }
    LocalDate day = fullDate(text.substring(0, FULL_DATE_LENGTH));
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (day == null || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    try {
      return day.atTime(hour, minute, second);
    } catch (DateTimeException e) {
      return null;
    }
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
}
