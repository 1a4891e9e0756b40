package org.mdmatrials.sink.xlsx;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes one sheet row by row: a bold header frozen above the rows, fixed column widths, and an
 * autofilter over all of it. Rows go to the file every {@link #FLUSH_EVERY}, so a sheet holds only
 * that many in memory.
 */
final class SheetWriter {
  static final int FLUSH_EVERY = 1000;

  private final Worksheet sheet;
  private final List<Column> columns;
  private int rows;
  private int unformatted;

  private SheetWriter(Worksheet sheet, List<Column> columns) {
    this.sheet = sheet;
    this.columns = List.copyOf(columns);
  }

  /**
   * Starts a sheet after the workbook's others; the sheet before must be finished, as the workbook
   * streams one sheet at a time.
   */
  static SheetWriter start(Workbook workbook, String name, List<Column> columns) {
    SheetWriter writer = new SheetWriter(workbook.newWorksheet(name), columns);
    writer.writeHeader();
    return writer;
  }

  private void writeHeader() {
    // Widths and the frozen pane are written with the sheet's first rows: set them first.
    for (int c = 0; c < columns.size(); c++) {
      sheet.width(c, columns.get(c).width());
      sheet.inlineString(0, c, columns.get(c).name());
    }
    sheet.range(0, 0, 0, columns.size() - 1).style().bold().set();
    sheet.freezePane(0, 1);
    rows = 1;
    unformatted = 1;
  }

  /**
   * The cells of a row of values, as {@link #addRow} takes them: null stays null. Needs no sheet,
   * so rows can be made into cells on another thread than the one writing them.
   */
  static List<Object> cells(List<Column> columns, List<?> values) {
    if (values.size() != columns.size()) {
      throw new IllegalArgumentException(
          "expected " + columns.size() + " cells but got " + values.size());
    }
    Object[] cells = new Object[values.size()];
    for (int c = 0; c < cells.length; c++) {
      Object value = values.get(c);
      cells[c] = value == null ? null : columns.get(c).kind().cell(value);
    }
    return Arrays.asList(cells);
  }

  /**
   * Writes one row of {@link #cells}; null cells stay empty (in a date column, empty with its date
   * format).
   */
  void addRow(List<Object> cells) throws IOException {
    for (int c = 0; c < cells.size(); c++) {
      Object cell = cells.get(c);
      if (cell instanceof String text) {
        sheet.inlineString(rows, c, text);
      } else if (cell instanceof Number number) {
        sheet.value(rows, c, number);
      } else if (cell != null) {
        throw new IllegalArgumentException("not a cell of text or a number: " + cell);
      }
    }
    rows++;
    if (rows % FLUSH_EVERY == 0) {
      formatRows();
      sheet.flush();
    }
  }

  /** Sets the columns' number formats on the rows written since the last time. */
  private void formatRows() {
    if (unformatted < rows) {
      for (int c = 0; c < columns.size(); c++) {
        String format = columns.get(c).kind().format();
        if (format != null) {
          sheet.range(unformatted, c, rows - 1, c).style().format(format).set();
        }
      }
    }
    unformatted = rows;
  }

  /** Sets the autofilter over the header and every row, and writes the rest of the sheet. */
  void finish() throws IOException {
    formatRows();
    sheet.setAutoFilter(0, 0, rows - 1, columns.size() - 1);
    sheet.finish();
  }
}
