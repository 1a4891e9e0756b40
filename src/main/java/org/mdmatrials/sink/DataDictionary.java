package org.mdmatrials.sink;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mdmatrials.core.ColumnSource;
import org.mdmatrials.core.Registry;

/**
 * The data dictionary: what every column of every file and table of a snapshot (and of {@code
 * history.sqlite}) means, its type and an example, from the resource {@code data_dictionary.csv};
 * and where each column comes from in each registry's records, from the registries' modules, one
 * row per column per registry. Both are copied into every snapshot (sink.csv.CsvFile).
 */
public final class DataDictionary {
  /** The dictionary's columns. */
  public static final List<String> HEADER =
      List.of("file", "table", "column", "meaning", "type", "example");

  /** The columns of the sources of the columns. */
  public static final List<String> SOURCES_HEADER =
      List.of("table", "column", "registry", "source");

  private static final String RESOURCE = "data_dictionary.csv";
  private static final Pattern SEPARATOR = Pattern.compile("; ");

  private final List<Registry> registries;
  private final Map<Registry, List<ColumnSource>> sources;

  /**
   * @param registries the registries a trial's row can be of, in the default order of preference
   * @param sources where the columns come from, per registry harvested, in the order to list them
   */
  public DataDictionary(List<Registry> registries, Map<Registry, List<ColumnSource>> sources) {
    this.registries = List.copyOf(registries);
    this.sources = new LinkedHashMap<>(sources);
  }

  /**
   * One column described. {@code column} is {@code *} where a row stands for a whole file, table or
   * sheet whose columns another row describes; {@code file} may name two files, "trials.csv;
   * trials.sqlite", when a CSV is a table of the database.
   */
  public record Entry(
      String file, String table, String column, String meaning, String type, String example) {
    /** The files the entry describes: two where a CSV is a table of the database. */
    public List<String> files() {
      return List.of(SEPARATOR.split(file));
    }

    public List<String> cells() {
      return List.of(file, table, column, meaning, type, example);
    }
  }

  /** Where one column comes from in one registry's records. */
  public record Source(String table, String column, Registry registry, String source) {
    public List<String> cells() {
      return List.of(table, column, registry.code(), source);
    }
  }

  /**
   * Every entry, in the resource's order; {@code {registries}} and {@code {registry-order}} in a
   * meaning are the registries known.
   */
  public List<Entry> entries() throws IOException {
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
        entries.add(new Entry(r.get(0), r.get(1), r.get(2), meaning(r.get(3)), r.get(4), r.get(5)));
      }
      return entries;
    }
  }

  /** Where each column comes from, registry by registry, in the registries' order. */
  public List<Source> sources() {
    List<Source> rows = new ArrayList<>();
    sources.forEach(
        (registry, columns) ->
            columns.forEach(
                c -> rows.add(new Source(c.table(), c.column(), registry, c.source()))));
    return rows;
  }

  private String meaning(String text) {
    String names =
        String.join(
            ", ",
            registries.stream()
                .map(
                    r ->
                        r.code().equals(r.displayName())
                            ? r.code()
                            : r.code() + " (" + r.displayName() + ")")
                .toList());
    String order = String.join(", ", registries.stream().map(Registry::code).toList());
    return text.replace("{registries}", names).replace("{registry-order}", order);
  }
}
