package org.mdmatrials.sink.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.ResultsStatus;
import org.mdmatrials.sink.Snapshot;
import org.mdmatrials.sink.TrialColumn;
import org.mdmatrials.sink.report.SnapshotFigures.Cell;

/**
 * Whether the evidence of the MDMA trials is out, counted as their rows are read: trials by primary
 * category and results status, the overdue trials listed, most overdue first, and the trials whose
 * primary outcomes changed; no more than a given number of either kept however many there are.
 */
final class EvidenceFigures {
  private static final Comparator<Overdue> MOST_OVERDUE_FIRST =
      Comparator.comparing(Overdue::months, Comparator.nullsLast(Comparator.<Long>reverseOrder()))
          .thenComparing(Overdue::trialId);

  private final LocalDate day;
  private final int listed;
  private final Map<List<String>, Long> byStatus = new HashMap<>();
  private final TreeSet<Overdue> overdue = new TreeSet<>(MOST_OVERDUE_FIRST);
  private long overdueTrials;
  private final List<OutcomeChangesSection.Line> outcomeChanges = new ArrayList<>();
  private long outcomeChangeCount;

  /** One overdue trial: what to link it by, and since when and how long its results are due. */
  record Overdue(
      String trialId,
      @Nullable String title,
      @Nullable String url,
      String category,
      @Nullable String overallStatus,
      @Nullable String due,
      @Nullable Long months) {}

  /**
   * @param day the harvest day, from which months overdue are counted
   * @param listed how many overdue trials to keep
   */
  EvidenceFigures(LocalDate day, int listed) {
    this.day = day;
    this.listed = listed;
  }

  /** Counts one MDMA trial's row, of its primary {@code category}. */
  void trial(List<@Nullable Object> cells, String category) {
    String status = String.valueOf(TrialColumn.RESULTS_STATUS.in(cells));
    byStatus.merge(List.of(category, status), 1L, Long::sum);
    if (!ResultsStatus.OVERDUE.name().equals(status)) {
      return;
    }
    overdueTrials++;
    String due = text(TrialColumn.PRIMARY_COMPLETION_DATE.in(cells));
    if (due == null) {
      due = text(TrialColumn.COMPLETION_DATE.in(cells));
    }
    overdue.add(
        new Overdue(
            String.valueOf(TrialColumn.TRIAL_ID.in(cells)),
            text(TrialColumn.TITLE.in(cells)),
            text(TrialColumn.URL.in(cells)),
            category,
            text(TrialColumn.OVERALL_STATUS.in(cells)),
            due,
            ResultsStatus.monthsOverdue(due == null ? null : PartialDate.parse(due), day)));
    if (overdue.size() > listed) {
      overdue.pollLast();
    }
  }

  /** Counts one trial whose outcomes changed, cells as {@link Snapshot#forEachOutcomeChange}. */
  void outcomeChange(List<@Nullable Object> cells) {
    if (!"INTERVENTION".equals(cells.get(3))) {
      return;
    }
    outcomeChangeCount++;
    if (outcomeChanges.size() < listed) {
      outcomeChanges.add(
          new OutcomeChangesSection.Line(
              String.valueOf(cells.get(0)),
              text(cells.get(1)),
              text(cells.get(2)),
              String.valueOf(cells.get(4)),
              String.valueOf(cells.get(5)),
              text(cells.get(6)),
              text(cells.get(7))));
    }
  }

  /** The MDMA trials whose primary outcomes changed, the first listed of them, by trial id. */
  List<OutcomeChangesSection.Line> outcomeChanges() {
    return outcomeChanges;
  }

  /** How many MDMA trials' primary outcomes changed, listed or not. */
  long outcomeChangeCount() {
    return outcomeChangeCount;
  }

  /** MDMA trials by primary category (row) and results status (column). */
  List<Cell> byStatus() {
    List<Cell> cells = new ArrayList<>();
    byStatus.forEach((key, count) -> cells.add(new Cell(key.get(0), key.get(1), count)));
    return cells;
  }

  /** The overdue trials kept, most overdue first; those giving no date last. */
  List<Overdue> overdue() {
    return List.copyOf(overdue);
  }

  /** How many MDMA trials are overdue, listed or not. */
  long overdueTrials() {
    return overdueTrials;
  }

  private static @Nullable String text(@Nullable Object cell) {
    return cell == null ? null : cell.toString();
  }
}
