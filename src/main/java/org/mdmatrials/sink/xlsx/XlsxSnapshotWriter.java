package org.mdmatrials.sink.xlsx;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.Deflater;
import org.dhatim.fastexcel.Workbook;
import org.mdmatrials.core.Indication;
import org.mdmatrials.core.OutputLayout;
import org.mdmatrials.sink.ChangeColumn;
import org.mdmatrials.sink.Snapshot;
import org.mdmatrials.sink.SnapshotFile;
import org.mdmatrials.sink.TrialColumn;

/**
 * Writes {@code trials.xlsx}: the rows and columns of {@code trials.csv} on an "All" sheet, again
 * on one sheet per category (a trial on the sheet of every category it fits), and the changes on a
 * "Changes" sheet when the snapshot has any. Full dates are Excel dates, counts are numbers, and
 * text is never a formula. Rows are streamed from the snapshot's database into one sheet after
 * another, so memory stays flat however many trials there are.
 */
public final class XlsxSnapshotWriter implements SnapshotFile {
  /** The first sheet, of every trial. */
  public static final String ALL = "All";

  /** The last sheet, of the changes since the previous snapshot; absent when there are none. */
  public static final String CHANGES = "Changes";

  private static final List<Column> TRIAL_COLUMNS =
      List.of(TrialColumn.values()).stream()
          .map(c -> new Column(c.columnName(), kind(c), width(c)))
          .toList();

  private static final List<Column> CHANGE_COLUMNS =
      ChangeColumn.NAMES.stream()
          .map(name -> new Column(name, CellKind.TEXT, changeWidth(name)))
          .toList();

  @Override
  public String name() {
    return OutputLayout.WORKBOOK;
  }

  /** Writes the workbook to {@code file}, which must not exist yet, from the snapshot's rows. */
  @Override
  public void write(Snapshot db, Path file) throws IOException {
    try (OutputStream out =
        new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW))) {
      Workbook workbook = new Workbook(out, "mdma-trials", null);
      // Deflating the sheets' XML is much of the workbook's cost; the fastest level makes the file
      // about an eighth larger (BENCHMARKS.md).
      workbook.setCompressionLevel(Deflater.BEST_SPEED);
      try (RowsAhead ahead = new RowsAhead()) {
        writeSheet(workbook, ahead, ALL, TRIAL_COLUMNS, db::forEachTrial);
        for (Indication category : Indication.values()) {
          writeSheet(
              workbook,
              ahead,
              sheetName(category),
              TRIAL_COLUMNS,
              h -> db.forEachTrialIn(category, h));
        }
        writeChanges(workbook, ahead, db);
      }
      workbook.finish();
    }
  }

  /**
   * The sheet of a category: its name, shortened where Excel's limit of 31 characters for a sheet
   * name demands.
   */
  public static String sheetName(Indication category) {
    return switch (category) {
      case PTSD, SOCIAL_ANXIETY, COUPLES_THERAPY, OTHER -> category.name();
      case ANXIETY_LIFE_THREATENING_ILLNESS -> "ANXIETY_LIFE_THREATENING";
    };
  }

  private static void writeSheet(
      Workbook workbook, RowsAhead ahead, String name, List<Column> columns, RowsAhead.Rows rows)
      throws IOException {
    SheetWriter sheet = SheetWriter.start(workbook, name, columns);
    ahead.forEach(rows, values -> SheetWriter.cells(columns, values), sheet::addRow);
    sheet.finish();
  }

  /** The Changes sheet, started at the first change so that it exists only when there is one. */
  private static void writeChanges(Workbook workbook, RowsAhead ahead, Snapshot db)
      throws IOException {
    SheetWriter[] sheet = new SheetWriter[1];
    ahead.forEach(
        db::forEachChange,
        values -> SheetWriter.cells(CHANGE_COLUMNS, values),
        cells -> {
          if (sheet[0] == null) {
            sheet[0] = SheetWriter.start(workbook, CHANGES, CHANGE_COLUMNS);
          }
          sheet[0].addRow(cells);
        });
    if (sheet[0] != null) {
      sheet[0].finish();
    }
  }

  private static CellKind kind(TrialColumn column) {
    return switch (column) {
      case ENROLLMENT, HAS_RESULTS, HEALTHY_VOLUNTEERS -> CellKind.NUMBER;
      case START_DATE,
          PRIMARY_COMPLETION_DATE,
          COMPLETION_DATE,
          FIRST_POSTED,
          LAST_UPDATE_POSTED,
          RESULTS_FIRST_POSTED,
          STATUS_VERIFIED ->
          CellKind.DATE;
      case HARVESTED_AT -> CellKind.DATE_TIME;
      default -> CellKind.TEXT;
    };
  }

  /** Wide enough for a typical value, and for the header where the values are short. */
  private static double width(TrialColumn column) {
    return switch (column) {
      case TRIAL_ID -> 16;
      case REGISTRY -> 10;
      case URL -> 45;
      case TITLE, OFFICIAL_TITLE -> 60;
      case ACRONYM -> 12;
      case MDMA_ROLE -> 14;
      case PRIMARY_CATEGORY -> 24;
      case CATEGORIES -> 30;
      case CATEGORY_EVIDENCE -> 50;
      case OVERALL_STATUS -> 24;
      case PHASES, STUDY_TYPE -> 16;
      case ENROLLMENT -> 12;
      case ENROLLMENT_TYPE -> 17;
      case START_DATE, COMPLETION_DATE, FIRST_POSTED -> 14;
      case PRIMARY_COMPLETION_DATE -> 24;
      case LAST_UPDATE_POSTED -> 20;
      case LEAD_SPONSOR, COLLABORATORS, KEYWORDS, COUNTRIES, LINKED_IDS -> 30;
      case CONDITIONS -> 40;
      case INTERVENTIONS -> 45;
      case HAS_RESULTS -> 13;
      case SECONDARY_IDS -> 35;
      case SOURCE_VERSION, HARVESTED_AT -> 20;
      case REGISTRY_STATUS -> 30;
      case SOURCE_STATUS -> 16;
      case PRIMARY_OUTCOMES -> 60;
      case RESULTS_STATUS -> 16;
      case RESULTS_FIRST_POSTED -> 21;
      case PUBLICATIONS, WHY_STOPPED -> 30;
      case STATUS_VERIFIED -> 16;
      case MIN_AGE, MAX_AGE, SEX -> 10;
      case HEALTHY_VOLUNTEERS -> 20;
      case ALLOCATION, PRIMARY_PURPOSE -> 17;
      case MASKING -> 12;
    };
  }

  private static double changeWidth(String column) {
    return switch (column) {
      case "trial_id" -> 16;
      case "change" -> 10;
      case "field" -> 24;
      default -> 50;
    };
  }
}
