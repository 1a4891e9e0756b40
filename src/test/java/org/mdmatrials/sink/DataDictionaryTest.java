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
import java.time.Instant;
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
import org.mdmatrials.TestReports;
import org.mdmatrials.cli.Modules;
import org.mdmatrials.core.Indication;
import org.mdmatrials.sink.DataDictionary.Entry;
import org.mdmatrials.sink.csv.CsvFile;
import org.mdmatrials.sink.xlsx.XlsxSnapshotWriter;
import org.mdmatrials.source.RegistryModule;
import org.mdmatrials.store.HistoryStore;
import org.mdmatrials.store.SnapshotRows;
import org.mdmatrials.store.StagingStore;

/**
 * The dictionary against what the snapshot really holds: a column that exists and is not described,
 * or one described that does not exist, fails here.
 */
class DataDictionaryTest {
  /** The columns of trials.csv that history.sqlite does not version, as HistoryStore leaves out. */
  private static final List<String> UNVERSIONED =
      List.of("harvested_at", "source_version", "source_status");

  /** The columns of trials.csv that mdma-trials makes itself rather than take from a registry. */
  private static final List<String> MADE_HERE =
      List.of(
          "registry",
          "mdma_role",
          "primary_category",
          "categories",
          "category_evidence",
          "harvested_at",
          "linked_ids",
          "source_status",
          "results_status");

  private static final DataDictionary DICTIONARY = Modules.SHIPPED.dictionary();

  @TempDir Path dir;

  @Test
  void describesEveryColumnOfTrialsCsvInItsOrderAndNoOther() throws Exception {
    assertThat(columns("trials.csv", "trials"))
        .isEqualTo(Stream.of(TrialColumn.values()).map(TrialColumn::columnName).toList());
  }

  @Test
  void describesEveryColumnOfChangesCsvInItsOrderAndNoOther() throws Exception {
    assertThat(columns("changes.csv", "changes")).isEqualTo(ChangeColumn.NAMES);
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

    assertThat(DICTIONARY.entries().stream().filter(e -> e.file().equals("trials.xlsx")))
        .extracting(Entry::table, Entry::column)
        .containsExactly(
            tuple(String.join("; ", trialSheets), "*"), tuple(XlsxSnapshotWriter.CHANGES, "*"));
  }

  @Test
  void describesEveryEntryOnce() throws Exception {
    for (Entry e : DICTIONARY.entries()) {
      assertThat(List.of(e.meaning(), e.type())).as(e.toString()).doesNotContain("");
      assertThat(e.meaning()).as(e.toString()).doesNotContain("{registries}", "{registry-order}");
    }
    assertThat(
            DICTIONARY.entries().stream().map(e -> e.file() + " " + e.table() + " " + e.column()))
        .doesNotHaveDuplicates();
  }

  @Test
  void saysForEveryTrialColumnWhereEachRegistryGivesIt() throws Exception {
    List<String> registryColumns =
        Stream.of(TrialColumn.values())
            .map(TrialColumn::columnName)
            .filter(c -> !MADE_HERE.contains(c))
            .toList();
    for (RegistryModule module : Modules.SHIPPED.all()) {
      assertThat(
              DICTIONARY.sources().stream()
                  .filter(s -> s.registry().equals(module.registry()))
                  .filter(s -> s.table().equals("trials"))
                  .map(DataDictionary.Source::column))
          .as(module.key())
          .containsExactlyElementsOf(registryColumns);
    }
  }

  @Test
  void givesSourcesOnlyForColumnsItDescribes() throws Exception {
    List<String> described =
        DICTIONARY.entries().stream().map(e -> e.table() + "." + e.column()).toList();
    for (DataDictionary.Source source : DICTIONARY.sources()) {
      assertThat(described).as(source.toString()).contains(source.table() + "." + source.column());
      assertThat(source.source()).as(source.toString()).isNotBlank();
    }
  }

  @Test
  void writesTheDictionaryAndTheSourcesAsTheSnapshotCsvsAreWritten() throws Exception {
    Path file = dir.resolve("data_dictionary.csv");
    Path sources = dir.resolve("column_sources.csv");

    Snapshot none =
        new SnapshotRows(
            dir.resolve("unread.sqlite"),
            TestReports.published("20261128T023000Z", Instant.parse("2026-11-28T02:30:00Z")));
    CsvFile.dictionary(DICTIONARY).write(none, file);
    CsvFile.columnSources(DICTIONARY).write(none, sources);

    byte[] bytes = Files.readAllBytes(file);
    assertThat(new String(bytes, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("example\r\n");
    assertThat(rows(file).get(0)).isEqualTo(DataDictionary.HEADER);
    assertThat(rows(file).stream().skip(1))
        .isEqualTo(DICTIONARY.entries().stream().map(Entry::cells).toList());
    assertThat(rows(sources).get(0)).isEqualTo(DataDictionary.SOURCES_HEADER);
    assertThat(rows(sources).stream().skip(1))
        .isEqualTo(DICTIONARY.sources().stream().map(DataDictionary.Source::cells).toList())
        .contains(
            List.of("trials", "title", "CTGOV", "protocolSection.identificationModule.briefTitle"));
  }

  private static List<List<String>> rows(Path file) throws Exception {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.skip(1);
      return CSVFormat.RFC4180.parse(in).getRecords().stream().map(CSVRecord::toList).toList();
    }
  }

  /** The columns described for {@code table} of a file, in the dictionary's order. */
  private static List<String> columns(String file, String table) throws Exception {
    return DICTIONARY.entries().stream()
        .filter(e -> e.files().contains(file) && e.table().equals(table))
        .map(Entry::column)
        .toList();
  }

  private static Entry entry(String file, String table, String column) throws Exception {
    return DICTIONARY.entries().stream()
        .filter(
            e -> e.files().contains(file) && e.table().equals(table) && e.column().equals(column))
        .findFirst()
        .orElseThrow();
  }

  /** The tables described in {@code file}, each with its columns in the dictionary's order. */
  private static Map<String, List<String>> described(String file) throws Exception {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    for (Entry e : DICTIONARY.entries()) {
      if (e.files().contains(file)) {
        tables.computeIfAbsent(e.table(), t -> new ArrayList<>()).add(e.column());
      }
    }
    return tables;
  }

  private Path finishedSnapshot() throws Exception {
    Path file = dir.resolve("trials.sqlite");
    try (StagingStore db = StagingStore.create(file, Modules.SHIPPED.registries())) {
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
