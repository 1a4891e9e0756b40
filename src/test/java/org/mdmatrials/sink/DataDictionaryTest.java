package org.mdmatrials.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.core.Indication;
import org.mdmatrials.sink.DataDictionary.Entry;
import org.mdmatrials.sink.sqlite.HistoryStore;
import org.mdmatrials.sink.sqlite.SqliteSnapshotWriter;
import org.mdmatrials.sink.xlsx.XlsxSnapshotWriter;

/**
 * The dictionary against what the snapshot really holds: a column that exists and is not described,
 * or one described that does not exist, fails here.
 */
class DataDictionaryTest {
  /** The columns of trials.csv that history.sqlite does not version, as HistoryStore leaves out. */
  private static final List<String> UNVERSIONED =
      List.of("harvested_at", "source_version", "source_status");

  @TempDir Path dir;

  @Test
  void describesEveryColumnOfTrialsCsvInItsOrderAndNoOther() throws Exception {
    assertThat(columns("trials.csv", "trials"))
        .isEqualTo(Stream.of(TrialColumn.values()).map(TrialColumn::columnName).toList());
  }

  @Test
  void describesEveryColumnOfChangesCsvInItsOrderAndNoOther() throws Exception {
    assertThat(columns("changes.csv", "changes")).isEqualTo(SqliteSnapshotWriter.CHANGE_COLUMNS);
  }

  @Test
  void describesEveryTableAndColumnOfTheSnapshotDatabaseAndNoOther() throws Exception {
    Path snapshot = finishedSnapshot();

    assertThat(described("trials.sqlite")).isEqualTo(schema(snapshot));
  }

  @Test
  void describesEveryTableAndColumnOfTheHistoryAndNoOther() throws Exception {
    Path history = dir.resolve("history.sqlite");
    new HistoryStore(history)
        .record(finishedSnapshot(), "20261128T023000Z", "2026-11-28T02:30:00Z");

    Map<String, List<String>> described = described("history.sqlite");
    Entry everyTrialColumn = entry("history.sqlite", "trial_versions", "*");
    assertThat(everyTrialColumn.meaning()).contains(UNVERSIONED);
    List<String> versions = new ArrayList<>(described.get("trial_versions"));
    versions.remove("*");
    Stream.of(TrialColumn.values())
        .map(TrialColumn::columnName)
        .filter(c -> !UNVERSIONED.contains(c))
        .forEach(versions::add);
    described.put("trial_versions", versions);
    assertThat(described).isEqualTo(schema(history));
  }

  @Test
  void namesTheSheetsOfTheWorkbook() throws Exception {
    List<String> trialSheets = new ArrayList<>(List.of(XlsxSnapshotWriter.ALL));
    Arrays.stream(Indication.values()).map(XlsxSnapshotWriter::sheetName).forEach(trialSheets::add);

    assertThat(DataDictionary.entries().stream().filter(e -> e.file().equals("trials.xlsx")))
        .extracting(Entry::table, Entry::column)
        .containsExactly(
            tuple(String.join("; ", trialSheets), "*"), tuple(XlsxSnapshotWriter.CHANGES, "*"));
  }

  @Test
  void saysForEveryTrialColumnWhereEachRegistryGivesIt() throws Exception {
    for (Entry e : DataDictionary.entries()) {
      assertThat(List.of(e.meaning(), e.type())).as(e.toString()).doesNotContain("");
      if (e.table().equals("trials") || e.table().equals("changes")) {
        assertThat(List.of(e.ctgov(), e.isrctn(), e.ctis(), e.euctr()))
            .as(e.toString())
            .doesNotContain("");
      }
    }
    assertThat(
            DataDictionary.entries().stream()
                .map(e -> e.file() + " " + e.table() + " " + e.column()))
        .doesNotHaveDuplicates();
  }

  @Test
  void writesTheDictionaryAsTheSnapshotCsvsAreWritten() throws Exception {
    Path file = dir.resolve("data_dictionary.csv");

    DataDictionary.write(file);

    byte[] bytes = Files.readAllBytes(file);
    assertThat(new String(bytes, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("euctr\r\n");
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.skip(1);
      List<CSVRecord> rows = CSVFormat.RFC4180.parse(in).getRecords();
      assertThat(rows.get(0).toList()).isEqualTo(DataDictionary.HEADER);
      assertThat(rows.stream().skip(1).map(CSVRecord::toList))
          .isEqualTo(DataDictionary.entries().stream().map(Entry::cells).toList());
    }
  }

  /** The columns described for {@code table} of a file, in the dictionary's order. */
  private static List<String> columns(String file, String table) throws Exception {
    return DataDictionary.entries().stream()
        .filter(e -> e.files().contains(file) && e.table().equals(table))
        .map(Entry::column)
        .toList();
  }

  private static Entry entry(String file, String table, String column) throws Exception {
    return DataDictionary.entries().stream()
        .filter(
            e -> e.files().contains(file) && e.table().equals(table) && e.column().equals(column))
        .findFirst()
        .orElseThrow();
  }

  /** The tables described in {@code file}, each with its columns in the dictionary's order. */
  private static Map<String, List<String>> described(String file) throws Exception {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    for (Entry e : DataDictionary.entries()) {
      if (e.files().contains(file)) {
        tables.computeIfAbsent(e.table(), t -> new ArrayList<>()).add(e.column());
      }
    }
    return tables;
  }

  private Path finishedSnapshot() throws Exception {
    Path file = dir.resolve("trials.sqlite");
    try (SqliteSnapshotWriter db = SqliteSnapshotWriter.create(file)) {
      db.finish();
    }
    return file;
  }

  /** Every table of the database with its columns in order, as SQLite reports them. */
  private static Map<String, List<String>> schema(Path database) throws Exception {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement st = db.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String name : names) {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("PRAGMA table_info(" + name + ")")) {
          while (rs.next()) {
            columns.add(rs.getString("name"));
          }
        }
        tables.put(name, columns);
      }
    }
    return tables;
  }
}
