package org.mdmatrials.sink.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSnapshotWriterTest {
  @TempDir Path dir;

  @Test
  void startsWithAByteOrderMarkAndEndsLinesWithCrlf() throws Exception {
    Path file = write(List.of("a", "b"), Arrays.asList("1", null));

    byte[] bytes = Files.readAllBytes(file);
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\uFEFFa,b\r\n1,\r\n");
  }

  @Test
  void quotesSeparatorsQuotesAndLineBreaksSoTheyReadBack() throws Exception {
    List<String> tricky =
        List.of("Anxiety; Cancer", "the \"MAPP1\" trial", "line one\nline two", "Zürich, Genève");

    List<CSVRecord> records = readBack(write(List.of("a", "b", "c", "d"), tricky));

    assertThat(records.get(1).values()).containsExactlyElementsOf(tricky);
  }

  @Test
  void neutralisesCellsASpreadsheetWouldRunAsFormulas() throws Exception {
    List<String> cells =
        List.of("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "plain - text");

    List<CSVRecord> records = readBack(write(List.of("a", "b", "c", "d", "e", "f", "g"), cells));

    assertThat(records.get(1).values())
        .containsExactly(
            "'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "plain - text");
  }

  @Test
  void writesNumbersAsTheyAre() throws Exception {
    List<CSVRecord> records = readBack(write(List.of("enrollment"), List.of(-3)));

    assertThat(records.get(1).get(0)).isEqualTo("-3");
  }

  @Test
  void cutsCellsAtTheSpreadsheetLimitWithAVisibleMarker() throws Exception {
    String longText = "x".repeat(40_000);

    String cell = readBack(write(List.of("a"), List.of(longText))).get(1).get(0);

    assertThat(cell).hasSize(CsvSnapshotWriter.MAX_CELL);
    assertThat(cell).endsWith(CsvSnapshotWriter.TRUNCATED).startsWith("xxxx");
  }

  @Test
  void neverSplitsACharacterWhenCutting() {
    int keep = CsvSnapshotWriter.MAX_CELL - CsvSnapshotWriter.TRUNCATED.length();
    String text = "x".repeat(keep - 1) + "😀" + "y".repeat(100);

    String cell = CsvSnapshotWriter.safe(text);

    assertThat(cell).isEqualTo("x".repeat(keep - 1) + CsvSnapshotWriter.TRUNCATED);
  }

  private Path write(List<String> header, List<?> row) throws Exception {
    Path file = dir.resolve("t.csv");
    try (CsvSnapshotWriter csv = CsvSnapshotWriter.create(file, header)) {
      csv.writeRow(row);
    }
    return file;
  }

  private static List<CSVRecord> readBack(Path file) throws Exception {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      assertThat(reader.read()).isEqualTo('\uFEFF');
      try (CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
        return parser.getRecords();
      }
    }
  }
}
