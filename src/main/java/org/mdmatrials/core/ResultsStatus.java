package org.mdmatrials.core;

import java.time.LocalDate;
import java.time.Period;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whether a trial's evidence is out, on a given day. Results are due 12 months after the trial's
 * primary completion date (else its completion date), the deadline of FDAAA 801 (42 CFR 11.44) and
 * of the EU's rules (Regulation 536/2014, Article 37(4)); a date the registry gives as a month or a
 * year counts from the end of that month or year.
 */
public enum ResultsStatus {
  /** The registry holds results. */
  RESULTS_POSTED,
  /** No results at the registry, but it links a results publication. */
  PUBLISHED,
  /** Neither, and the deadline has passed; or the trial ended and gives no date to count from. */
  OVERDUE,
  /** Neither, and the date has passed, the deadline not yet. */
  PENDING,
  /** The date is still ahead, or the trial is not over and gives none. */
  NOT_DUE,
  /** The trial was withdrawn before enrolling anyone: there are no results to report. */
  NOT_APPLICABLE;

  private static final Set<String> ENDED = Set.of("COMPLETED", "TERMINATED");
  private static final Period GRACE = Period.ofMonths(12);

  /** The trial's status on {@code day}. */
  public static ResultsStatus of(Trial trial, LocalDate day) {
    String status = trial.status().overallStatus();
    if ("WITHDRAWN".equals(status)) {
      return NOT_APPLICABLE;
    }
    if (trial.results().hasResults()) {
      return RESULTS_POSTED;
    }
    if (!trial.results().publications().isEmpty()) {
      return PUBLISHED;
    }
    PartialDate due = dueDate(trial);
    if (due == null) {
      return status != null && ENDED.contains(status) ? OVERDUE : NOT_DUE;
    }
    LocalDate date = due.lastDay();
    if (date.isAfter(day)) {
      return NOT_DUE;
    }
    return date.plus(GRACE).isBefore(day) ? OVERDUE : PENDING;
  }

  /** The date results are counted from: the primary completion date, else the completion date. */
  public static @Nullable PartialDate dueDate(Trial trial) {
    PartialDate primary = trial.dates().primaryCompletionDate();
    return primary != null ? primary : trial.dates().completionDate();
  }

  /**
   * Whole months between the deadline that {@code due} sets and {@code day}: how long an OVERDUE
   * trial is overdue. Null when there is no date (an ended trial that gives none).
   */
  public static @Nullable Long monthsOverdue(@Nullable PartialDate due, LocalDate day) {
    if (due == null) {
      return null;
    }
    LocalDate deadline = due.lastDay().plus(GRACE);
    return deadline.isBefore(day) ? Period.between(deadline, day).toTotalMonths() : 0L;
  }
}
