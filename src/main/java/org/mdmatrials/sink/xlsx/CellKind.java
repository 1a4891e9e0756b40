package org.mdmatrials.sink.xlsx;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.dhatim.fastexcel.Worksheet;
import org.mdmatrials.sink.CellLimit;

/**
 * How a column's cells are written. Text is always an inline string, never a formula, so registry
 * text that starts with "=" stays text; and inline, not shared, so that no table of every distinct
 * text is held in memory until the workbook ends.
 */
enum CellKind {
  TEXT(null) {
    @Override
    void write(Worksheet sheet, int row, int column, Object value) {
      sheet.inlineString(row, column, CellLimit.fit(value.toString()));
    }
  },
  /** A number; anything else is written as text. */
  NUMBER(null) {
    @Override
    void write(Worksheet sheet, int row, int column, Object value) {
      if (value instanceof Number number) {
        sheet.value(row, column, number);
      } else {
        TEXT.write(sheet, row, column, value);
      }
    }
  },
  /**
   * A date as precise as the registry gave it: a full day ({@code 2008-05-14}) is an Excel date; a
   * year or a month ({@code 2008}, {@code 2008-05}) stays text, since Excel would invent a day. So
   * does a day that is no date ({@code 2021-02-30}) or one before Excel's calendar starts.
   */
  DATE("yyyy-mm-dd") {
    @Override
    void write(Worksheet sheet, int row, int column, Object value) {
      LocalDate day = fullDate(value.toString());
      if (day != null) {
        sheet.value(row, column, day);
      } else {
        TEXT.write(sheet, row, column, value);
      }
    }
  },
  /** An instant ({@code 2026-11-28T02:30:00Z}) as an Excel date-time in UTC. */
  DATE_TIME("yyyy-mm-dd hh:mm:ss") {
    @Override
    void write(Worksheet sheet, int row, int column, Object value) {
      Instant instant = Instant.parse(value.toString());
      sheet.value(row, column, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
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

  /** Writes a cell that has a value; an absent value is left an empty cell by the caller. */
  abstract void write(Worksheet sheet, int row, int column, Object value);

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
