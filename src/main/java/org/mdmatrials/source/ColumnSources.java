package org.mdmatrials.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mdmatrials.core.ColumnSource;

/**
 * A module's {@code column_sources.csv}, kept beside its classes: one row per column the module
 * fills, with the field or rule it comes from ({@code table,column,source}).
 */
public final class ColumnSources {
  private static final List<String> HEADER = List.of("table", "column", "source");

  private ColumnSources() {}

  /** The rows of the {@code column_sources.csv} resource in {@code module}'s package. */
  public static List<ColumnSource> of(Class<?> module) {
    String name = "column_sources.csv";
    try (InputStream in = module.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name + " beside " + module.getName());
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
                + name
                + " but was "
                + parser.getHeaderNames());
      }
      List<ColumnSource> rows = new ArrayList<>();
      for (CSVRecord r : parser) {
        rows.add(new ColumnSource(r.get(0), r.get(1), r.get(2)));
      }
      return rows;
    } catch (IOException e) {
      // A resource of the build itself: missing or malformed, the build is broken.
      throw new UncheckedIOException(e);
    }
  }
}
