package org.mdmatrials.sink.xlsx;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.dhatim.fastexcel.TimestampUtil;
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
      Instant instant = Instant.parse(value.toString());
      return TimestampUtil.convertDate(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
  };

  private static final int FULL_DATE_LENGTH = "2008-05-14".length();
  private static final int FIRST_EXCEL_YEAR = 1900;

  private final String format;

  CellKind(String format) {
    this.format = format;
  }

  /**
   * The number format of the column's cells, or null for none. It is set on the column's rows, not
   * cell by cell (much the cheaper), and shows text, such as a partial date, unchanged.
   */
  String format() {
    return format;
  }

  /**
   * The cell a value that is present becomes: a {@link String} to write as text, or a {@link
   * Number}. Needs no sheet, so it can be done ahead, on another thread than the writing.
   */
  abstract Object cell(Object value);

  private static LocalDate fullDate(String text) {
    if (text.length() != FULL_DATE_LENGTH) {
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(text);
      return day.getYear() >= FIRST_EXCEL_YEAR ? day : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
