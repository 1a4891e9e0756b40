package org.mdmatrials.source.ictrp;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The Search Portal's CSV export: a header line, then a row per record, RFC 4180 quoting with line
 * breaks inside fields, UTF-8 with or without a byte order mark. Its columns are the XML export's
 * fields named with spaces ({@code Public title} for {@code Public_title}), a few with other words
 * ({@code Source Name} for {@code Source_Support}, {@code Ethics Status} for {@code
 * Ethics_review_status}); they are read by name, so their order and number may change. A row of
 * another width than the header is left out as malformed; a file that breaks off inside a quoted
 * field fails, naming the line.
 */
final class CsvExport implements Export {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  /** The columns whose XML name is not their name with underscores for spaces. */
  private static final Map<String, String> RENAMED =
      Map.of(
          "Source Name", "Source_Support",
          "Ethics Status", "Ethics_review_status",
          "Ethics Approval Date", "Ethics_review_approval_date",
          "Ethics Contact Name", "Ethics_review_contact_name",
          "Ethics Contact Address", "Ethics_review_contact_address",
          "Ethics Contact Phone", "Ethics_review_contact_phone",
          "Ethics Contact Email", "Ethics_review_contact_email");

  private final Path file;
  private List<String> header = List.of();

  CsvExport(Path file) {
    this.file = file;
  }

  @Override
  public String format() {
    return "CSV";
  }

  @Override
  public String payload(List<ExportRecord> records) {
    StringBuilder all = new StringBuilder(FORMAT.format(header.toArray())).append("\r\n");
    records.forEach(r -> all.append(r.payload()).append("\r\n"));
    return all.toString();
  }

  @Override
  public void read(Handler handler) throws IOException {
    try (BoundedInput in =
            new BoundedInput(Files.newInputStream(file), XmlExport.MAX_RECORD_BYTES);
        CSVParser parser = FORMAT.parse(withoutByteOrderMark(in))) {
      try {
        Iterator<CSVRecord> rows = parser.iterator();
        header = header(rows);
        int position = 0;
        while (rows.hasNext()) {
          CSVRecord row = rows.next();
          in.recordEnded();
          handler.record(record(++position, row));
        }
      } catch (UncheckedIOException e) {
        throw broken(parser.getCurrentLineNumber(), e);
      }
    } catch (BoundedInput.RecordTooLong e) {
      throw broken(-1, e);
    }
  }

  private List<String> header(Iterator<CSVRecord> rows) throws IOException {
    if (!rows.hasNext()) {
      throw new IOException(file + ": the file is empty, not an ICTRP export");
    }
    List<String> names = new ArrayList<>();
    rows.next().forEach(name -> names.add(name.strip()));
    if (!names.contains("TrialID")) {
      throw new IOException(
          file
              + ", line 1: not an ICTRP export: neither XML (it does not start with <) nor the CSV"
              + " export (its first line names no TrialID column)");
    }
    return List.copyOf(names);
  }

  private ExportRecord record(int position, CSVRecord row) {
    List<String> values = row.toList();
    String payload = FORMAT.format(values.toArray());
    long line = row.getRecordNumber() + 1;
    if (values.size() != header.size()) {
      return new ExportRecord(
          position,
          line,
          Map.of(),
          payload,
          new ExportRecord.Malformed(
              "*",
              header.size() + " fields, as the header names",
              values.size() + " (line " + line + ")"));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      fields.putIfAbsent(xmlName(header.get(i)), values.get(i));
    }
    return new ExportRecord(position, line, fields, payload, null);
  }

  /** The XML export's name of a column: {@code Source Name} is {@code Source_Support}. */
  static String xmlName(String column) {
    String renamed = RENAMED.get(column);
    return renamed != null ? renamed : column.replace(' ', '_');
  }

  private IOException broken(long line, Exception cause) {
    return new IOException(
        file
            + (line > 0 ? ", line " + line : "")
            + ": cut short or damaged: "
            + String.valueOf(
                    cause.getCause() != null ? cause.getCause().getMessage() : cause.getMessage())
                .replaceFirst("\\.+$", "")
            + ". Export the search results again",
        cause);
  }

  private static Reader withoutByteOrderMark(BoundedInput in) throws IOException {
    PushbackReader reader = new PushbackReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int first = reader.read();
    if (first >= 0 && first != '\uFEFF') {
      reader.unread(first);
    }
    return reader;
  }
}
