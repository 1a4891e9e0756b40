package org.mdmatrials.sink;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mdmatrials.sink.csv.CsvSnapshotWriter;

/**
 * The data dictionary: what every column of every file and table of a snapshot (and of {@code
 * history.sqlite}) means, its type, an example, and where it comes from in each registry. One
 * source of truth, the resource {@code data_dictionary.csv}, copied into every snapshot.
 */
public final class DataDictionary {
  /** The dictionary's columns. */
  public static final List<String> HEADER =
      List.of(
          "file", "table", "column", "meaning", "type", "example", "ctgov", "isrctn", "ctis",
          "euctr");

  private static final String RESOURCE = "data_dictionary.csv";
  private static final Pattern SEPARATOR = Pattern.compile("; ");

  private DataDictionary() {}

  /**
   * One column described. {@code column} is {@code *} where a row stands for a whole file, table or
   * sheet whose columns another row describes; {@code file} may name two files, "trials.csv;
   * trials.sqlite", when a CSV is a table of the database.
   */
  public record Entry(
      String file,
      String table,
      String column,
      String meaning,
      String type,
      String example,
      String ctgov,
      String isrctn,
      String ctis,
      String euctr) {
    /** The files the entry describes: two where a CSV is a table of the database. */
    public List<String> files() {
      return List.of(SEPARATOR.split(file));
    }

    List<String> cells() {
      return List.of(file, table, column, meaning, type, example, ctgov, isrctn, ctis, euctr);
    }
  }

  /** Every entry, in the resource's order. */
  public static List<Entry> entries() throws IOException {
    try (InputStream in = DataDictionary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("missing resource " + RESOURCE);
      }
      CSVParser parser =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .get()
              .parse(new InputStreamReader(in, StandardCharsets.UTF_8));
      if (!parser.getHeaderNames().equals(HEADER)) {
        throw new IOException(
            "Expected the columns "
                + HEADER
                + " in "
                + RESOURCE
                + " but was "
                + parser.getHeaderNames());
      }
      List<Entry> entries = new ArrayList<>();
      for (CSVRecord r : parser) {
        entries.add(
            new Entry(
                r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6), r.get(7),
                r.get(8), r.get(9)));
      }
      return entries;
    }
  }

  /**
   * Writes the dictionary to {@code file}, which must not exist yet, as the snapshot's CSVs are.
   */
  public static void write(Path file) throws IOException {
    List<Entry> entries = entries();
    try (CsvSnapshotWriter csv = CsvSnapshotWriter.create(file, HEADER)) {
      for (Entry entry : entries) {
        csv.writeRow(entry.cells());
      }
    }
  }
}
