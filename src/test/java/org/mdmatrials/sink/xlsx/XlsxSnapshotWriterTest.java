package org.mdmatrials.sink.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mdmatrials.TestTrial.trial;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.TestReports;
import org.mdmatrials.TestTrial;
import org.mdmatrials.cli.Modules;
import org.mdmatrials.core.CategoryMatch;
import org.mdmatrials.core.CategoryMatch.Evidence;
import org.mdmatrials.core.Classification;
import org.mdmatrials.core.Indication;
import org.mdmatrials.core.MdmaRole;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.SourceStatus;
import org.mdmatrials.core.Trial;
import org.mdmatrials.sink.CellLimit;
import org.mdmatrials.sink.ChangeColumn;
import org.mdmatrials.sink.TrialColumn;
import org.mdmatrials.store.SnapshotRows;
import org.mdmatrials.store.StagingStore;

class XlsxSnapshotWriterTest {
  private static final Instant HARVESTED = Instant.parse("2026-11-28T02:30:00Z");
  private static final List<String> TRIAL_HEADER =
      List.of(TrialColumn.values()).stream().map(TrialColumn::columnName).toList();

  @TempDir Path dir;

  private final Trial conjoint =
      trial("NCT02876172")
          .title("MDMA-Assisted Cognitive-Behavioral Conjoint Therapy for PTSD")
          .status("COMPLETED")
          .enrollment(12)
          .startDate("2016-11")
          .hasResults(true)
          .build();
  private final Trial mapp2 =
      trial("NCT04077437")
          .title("=1+1")
          .officialTitle("@SUM(A1:A2)")
          .enrollment(104)
          .startDate("2020-08-27")
          .build();
  private final Trial other =
      trial("NCT00184067").title("Melanoma vaccine").startDate("2004").build();

  private final Map<Trial, Classification> sorted =
      new HashMap<>(
          Map.of(
              conjoint,
              classification(Indication.COUPLES_THERAPY, Indication.PTSD),
              mapp2,
              classification(Indication.PTSD),
              other,
              new Classification(
                  MdmaRole.MENTIONED, List.of(new CategoryMatch(Indication.OTHER, List.of())))));

  @Test
  void writesAnAllSheetThenOneSheetPerCategoryThenTheChanges() throws Exception {
    Path file = workbook(null, conjoint, mapp2, other);

    Map<String, List<List<Cell>>> sheets = read(file);
    assertThat(sheets.keySet())
        .containsExactly(
            "All",
            "PTSD",
            "ANXIETY_LIFE_THREATENING",
            "SOCIAL_ANXIETY",
            "COUPLES_THERAPY",
            "OTHER",
            "Changes");
    assertThat(ids(sheets.get("All"))).containsExactly("NCT00184067", "NCT02876172", "NCT04077437");
    assertThat(ids(sheets.get("PTSD"))).containsExactly("NCT02876172", "NCT04077437");
    assertThat(ids(sheets.get("COUPLES_THERAPY"))).containsExactly("NCT02876172");
    assertThat(ids(sheets.get("OTHER"))).containsExactly("NCT00184067");
    assertThat(ids(sheets.get("SOCIAL_ANXIETY"))).isEmpty();
    for (String name : List.of("All", "PTSD", "ANXIETY_LIFE_THREATENING", "OTHER")) {
      assertThat(texts(sheets.get(name).get(0))).as(name).isEqualTo(TRIAL_HEADER);
    }
    assertThat(texts(sheets.get("Changes").get(0))).isEqualTo(ChangeColumn.NAMES);
    assertThat(sheets.get("Changes").stream().skip(1).map(r -> texts(r).subList(0, 2)))
        .containsExactly(
            List.of("NCT00184067", "ADDED"),
            List.of("NCT02876172", "ADDED"),
            List.of("NCT04077437", "ADDED"));
  }

  @Test
  void writesFullDatesAsDatesAndKeepsPartialDatesAsText() throws Exception {
    List<List<Cell>> all = read(workbook(null, conjoint, mapp2, other)).get("All");

    Cell fullDate = cell(all, "NCT04077437", TrialColumn.START_DATE);
    assertThat(fullDate.getType()).isEqualTo(CellType.NUMBER);
    assertThat(fullDate.asDate()).isEqualTo(LocalDateTime.parse("2020-08-27T00:00"));
    assertThat(fullDate.getDataFormatString()).isEqualTo("yyyy-mm-dd");
    Cell month = cell(all, "NCT02876172", TrialColumn.START_DATE);
    assertThat(month.getType()).isEqualTo(CellType.STRING);
    assertThat(month.getText()).isEqualTo("2016-11");
    Cell year = cell(all, "NCT00184067", TrialColumn.START_DATE);
    assertThat(year.getType()).isEqualTo(CellType.STRING);
    assertThat(year.getText()).isEqualTo("2004");
    Cell harvested = cell(all, "NCT00184067", TrialColumn.HARVESTED_AT);
    assertThat(harvested.getType()).isEqualTo(CellType.NUMBER);
    assertThat(harvested.asDate()).isEqualTo(LocalDateTime.parse("2026-11-28T02:30:00"));
    assertThat(harvested.getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss");
  }

  @Test
  void keepsADayThatIsNoDateAsText() throws Exception {
    Trial odd = trial("NCT04077437").startDate("2021-02-30").build();
    sorted.put(odd, classification(Indication.PTSD));

    Cell start = cell(read(workbook(null, odd)).get("All"), "NCT04077437", TrialColumn.START_DATE);

    assertThat(start.getType()).isEqualTo(CellType.STRING);
    assertThat(start.getText()).isEqualTo("2021-02-30");
  }

  @Test
  void writesCountsAsNumbersAndLeavesAbsentValuesEmpty() throws Exception {
    List<List<Cell>> all = read(workbook(null, conjoint, mapp2, other)).get("All");

    Cell enrollment = cell(all, "NCT02876172", TrialColumn.ENROLLMENT);
    assertThat(enrollment.getType()).isEqualTo(CellType.NUMBER);
    assertThat(enrollment.asNumber()).isEqualByComparingTo("12");
    Cell results = cell(all, "NCT02876172", TrialColumn.HAS_RESULTS);
    assertThat(results.getType()).isEqualTo(CellType.NUMBER);
    assertThat(results.asNumber()).isEqualByComparingTo("1");
    Cell noEnrollment = cell(all, "NCT00184067", TrialColumn.ENROLLMENT);
    assertThat(noEnrollment == null || noEnrollment.getType() == CellType.EMPTY).isTrue();
  }

  @Test
  void writesRegistryTextThatLooksLikeAFormulaAsText() throws Exception {
    Path file = workbook(null, conjoint, mapp2, other);

    List<List<Cell>> all = read(file).get("All");
    Cell title = cell(all, "NCT04077437", TrialColumn.TITLE);
    assertThat(title.getType()).isEqualTo(CellType.STRING);
    assertThat(title.getFormula()).isNull();
    assertThat(title.getText()).isEqualTo("=1+1");
    assertThat(cell(all, "NCT04077437", TrialColumn.OFFICIAL_TITLE).getText())
        .isEqualTo("@SUM(A1:A2)");
    for (String xml : sheetXml(file).values()) {
      assertThat(xml).doesNotContain("<f>").doesNotContain("<f ");
    }
  }

  @Test
  void keepsTextBeyondAsciiAsItIs() throws Exception {
    String title = "Étude MDMA ≥ 18 ans, Montréal — 𝛼 arm";
    Trial french = trial("NCT04077437").title(title).build();
    sorted.put(french, classification(Indication.PTSD));

    List<List<Cell>> all = read(workbook(null, french)).get("All");

    assertThat(cell(all, "NCT04077437", TrialColumn.TITLE).getText()).isEqualTo(title);
  }

  @Test
  void cutsTextLongerThanACellHoldsWithTheCsvMarker() throws Exception {
    Trial wordy = trial("NCT04077437").title("x".repeat(40_000)).build();
    sorted.put(wordy, classification(Indication.PTSD));

    String title =
        cell(read(workbook(null, wordy)).get("All"), "NCT04077437", TrialColumn.TITLE).getText();

    assertThat(title).hasSize(CellLimit.MAX_CHARS).endsWith(CellLimit.TRUNCATED);
  }

  @Test
  void leavesOutTheChangesSheetWhenNothingChanged() throws Exception {
    Path previous = dir.resolve("previous.sqlite");
    try (StagingStore db = StagingStore.create(previous, Modules.SHIPPED.registries())) {
      addTrials(db, conjoint, mapp2);
      db.finish();
    }

    Map<String, List<List<Cell>>> sheets = read(workbook(previous, conjoint, mapp2));

    assertThat(sheets).doesNotContainKey("Changes").containsKey("OTHER");
  }

  /** The letters Excel names the {@code n}th column by: 1 is A, 27 is AA. */
  private static String columnLetters(int n) {
    StringBuilder letters = new StringBuilder();
    for (int rest = n; rest > 0; rest = (rest - 1) / 26) {
      letters.insert(0, (char) ('A' + (rest - 1) % 26));
    }
    return letters.toString();
  }

  @Test
  void freezesTheHeaderAndFiltersEverySheet() throws Exception {
    Map<String, String> xml = sheetXml(workbook(null, conjoint, mapp2, other));

    assertThat(xml).hasSize(7);
    String last = columnLetters(TrialColumn.values().length);
    String all = xml.get("xl/worksheets/sheet1.xml");
    assertThat(all)
        .contains("<pane xSplit=\"0\" ySplit=\"1\" topLeftCell=\"A2\"")
        .contains("state=\"frozen\"")
        .contains("<autoFilter ref=\"A1:" + last + "4\"")
        .containsPattern("<col min=\"1\" max=\"1\" width=\"16.0\"[^>]* customWidth=\"true\"");
    assertThat(xml.get("xl/worksheets/sheet4.xml"))
        .contains("<autoFilter ref=\"A1:" + last + "1\"");
    assertThat(xml.get("xl/worksheets/sheet7.xml")).contains("<autoFilter ref=\"A1:E4\"");
    xml.values().forEach(sheet -> assertThat(sheet).contains("state=\"frozen\""));
  }

  @Test
  void streamsMoreRowsThanItKeepsInMemoryInOrder() throws Exception {
    int count = SheetWriter.FLUSH_EVERY * 2 + 500;
    Trial[] many =
        IntStream.range(0, count)
            .mapToObj(
                i ->
                    trial(String.format("NCT9%07d", i))
                        .enrollment(i)
                        .startDate(i % 2 == 0 ? "2020-08-27" : "2020-08")
                        .build())
            .toArray(Trial[]::new);
    for (Trial t : many) {
      sorted.put(t, classification(Indication.PTSD));
    }

    Map<String, List<List<Cell>>> sheets = read(workbook(null, many));

    for (String name : List.of("All", "PTSD")) {
      List<List<Cell>> rows = sheets.get(name);
      assertThat(rows).hasSize(count + 1);
      assertThat(cell(rows, "NCT90002499", TrialColumn.ENROLLMENT).asNumber())
          .isEqualByComparingTo("2499");
      // Dates are formatted in every batch of rows, the last one included.
      for (String id : List.of("NCT90000000", "NCT90001998", "NCT90002498")) {
        Cell start = cell(rows, id, TrialColumn.START_DATE);
        assertThat(start.getType()).isEqualTo(CellType.NUMBER);
        assertThat(start.getDataFormatString()).isEqualTo("yyyy-mm-dd");
      }
      assertThat(cell(rows, "NCT90002499", TrialColumn.START_DATE).getText()).isEqualTo("2020-08");
    }
    assertThat(ids(sheets.get("All")))
        .isEqualTo(List.of(many).stream().map(Trial::trialId).toList());
  }

  private static Classification classification(Indication... categories) {
    List<CategoryMatch> matches = new ArrayList<>();
    for (Indication category : categories) {
      matches.add(new CategoryMatch(category, List.of(new Evidence("condition", "PTSD"))));
    }
    return new Classification(MdmaRole.INTERVENTION, matches);
  }

  /** Writes a snapshot of {@code trials} and its workbook; changes against {@code previous}. */
  private Path workbook(Path previous, Trial... trials) throws Exception {
    Path file = dir.resolve("trials.xlsx");
    Path database = dir.resolve("trials.sqlite");
    try (StagingStore db = StagingStore.create(database, Modules.SHIPPED.registries())) {
      addTrials(db, trials);
      db.writeChanges(previous);
      db.finish();
    }
    new XlsxSnapshotWriter()
        .write(
            new SnapshotRows(database, TestReports.published("20261128T020000Z", HARVESTED)), file);
    return file;
  }

  private void addTrials(StagingStore db, Trial... trials) throws Exception {
    for (Trial t : trials) {
      db.records().add(t.registry(), t, Payload.of("{}"), Set.of(t.trialId()), SourceStatus.FRESH);
      db.trials().add(TestTrial.row(t, sorted.get(t), HARVESTED));
    }
  }

  /** Every sheet's rows, by sheet name in the workbook's order. */
  private static Map<String, List<List<Cell>>> read(Path file) throws IOException {
    Map<String, List<List<Cell>>> sheets = new LinkedHashMap<>();
    try (ReadableWorkbook workbook =
        new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
      for (Sheet sheet : workbook.getSheets().toList()) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Row row : sheet.read()) {
          List<Cell> cells = new ArrayList<>();
          for (int c = 0; c < row.getCellCount(); c++) {
            cells.add(row.getCell(c));
          }
          rows.add(cells);
        }
        sheets.put(sheet.getName(), rows);
      }
    }
    return sheets;
  }

  private static List<String> ids(List<List<Cell>> rows) {
    return rows.stream().skip(1).map(r -> r.get(0).getText()).toList();
  }

  private static List<String> texts(List<Cell> row) {
    return row.stream().map(Cell::getText).toList();
  }

  private static Cell cell(List<List<Cell>> rows, String trialId, TrialColumn column) {
    List<Cell> row =
        rows.stream().filter(r -> r.get(0).getText().equals(trialId)).findFirst().orElseThrow();
    int index = TRIAL_HEADER.indexOf(column.columnName());
    return index < row.size() ? row.get(index) : null;
  }

  /** The XML of every sheet in the file, by entry name. */
  private static Map<String, String> sheetXml(Path file) throws IOException {
    Map<String, String> xml = new TreeMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry entry : zip.stream().toList()) {
        if (entry.getName().startsWith("xl/worksheets/sheet")) {
          try (InputStream in = zip.getInputStream(entry)) {
            xml.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    return xml;
  }
}
