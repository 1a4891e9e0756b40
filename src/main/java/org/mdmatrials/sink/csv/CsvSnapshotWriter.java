package org.mdmatrials.sink.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.mdmatrials.sink.CellLimit;

/**
 * Writes a CSV that Excel, LibreOffice and Google Sheets all open right: UTF-8 with a byte order
 * mark, CRLF line ends, RFC 4180 quoting, no cell a spreadsheet would run as a formula, and no cell
 * longer than a spreadsheet cell holds.
 */
public final class CsvSnapshotWriter implements AutoCloseable {
  /** Excel's limit on the characters in one cell. */
  static final int MAX_CELL = CellLimit.MAX_CHARS;

  static final String TRUNCATED = CellLimit.TRUNCATED;

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").setQuoteMode(QuoteMode.MINIMAL).get();

  private final CSVPrinter printer;
  private final int width;

  private CsvSnapshotWriter(CSVPrinter printer, int width) {
    this.printer = printer;
    this.width = width;
  }

  /** Creates the file, which must not exist yet, and writes the header row. */
  public static CsvSnapshotWriter create(Path file, List<String> header) throws IOException {
    var out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
    var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    writer.write('\uFEFF');
    CSVPrinter printer = new CSVPrinter(writer, FORMAT);
    printer.printRecord(header);
    return new CsvSnapshotWriter(printer, header.size());
  }

  /** Writes one row; null cells are empty. */
  public void writeRow(List<?> cells) throws IOException {
    if (cells.size() != width) {
      throw new IllegalArgumentException("expected " + width + " cells but got " + cells.size());
    }
    for (Object cell : cells) {
      printer.print(cell instanceof String text ? safe(text) : cell);
    }
    printer.println();
  }

  @Override
  public void close() throws IOException {
    printer.close(true);
  }

  /**
   * Text as a spreadsheet shows it but never runs it: a leading = + - @ tab or carriage return is
   * prefixed with an apostrophe, as OWASP's CSV injection guidance recommends; over-long text is
   * cut with a visible marker.
   */
  static String safe(String text) {
    String cell = text;
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      cell = "'" + cell;
    }
    return CellLimit.fit(cell);
  }
}
