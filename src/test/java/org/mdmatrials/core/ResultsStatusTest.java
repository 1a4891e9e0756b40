package org.mdmatrials.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mdmatrials.TestTrial.trial;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mdmatrials.TestTrial;

class ResultsStatusTest {
  /**
   * One trial per line: its status, results posted, a publication linked, its primary completion
   * and completion dates (empty: none), the harvest day, and the results status expected.
   */
  @ParameterizedTest(name = "{0}, posted {1}, published {2}, {3}/{4} on {5}: {6}")
  @CsvSource({
    // Withdrawn trials have nothing to report, whatever the record says.
    "WITHDRAWN,  true,  true,  2019-03-15, ,          2026-11-28, NOT_APPLICABLE",
    "COMPLETED,  true,  true,  2019-03-15, ,          2026-11-28, RESULTS_POSTED",
    "COMPLETED,  false, true,  2019-03-15, ,          2026-11-28, PUBLISHED",
    "COMPLETED,  false, false, 2019-03-15, ,          2026-11-28, OVERDUE",
    // A full day: 12 months later is still pending; the day after, overdue.
    "COMPLETED,  false, false, 2025-03-15, ,          2026-03-15, PENDING",
    "COMPLETED,  false, false, 2025-03-15, ,          2026-03-16, OVERDUE",
    // On the day itself the date has passed; the day before, it is ahead.
    "RECRUITING, false, false, 2026-11-28, ,          2026-11-28, PENDING",
    "RECRUITING, false, false, 2026-11-29, ,          2026-11-28, NOT_DUE",
    // A month counts from its last day: 2025-02 ends on the 28th.
    "COMPLETED,  false, false, 2025-02,    ,          2026-02-28, PENDING",
    "COMPLETED,  false, false, 2025-02,    ,          2026-03-01, OVERDUE",
    "ACTIVE_NOT_RECRUITING, false, false, 2026-11, ,  2026-11-15, NOT_DUE",
    // A year counts from 31 December.
    "COMPLETED,  false, false, 2024,       ,          2025-12-31, PENDING",
    "COMPLETED,  false, false, 2024,       ,          2026-01-01, OVERDUE",
    "COMPLETED,  false, false, 2026,       ,          2026-06-30, NOT_DUE",
    // A leap day plus 12 months is the last day of the next February.
    "COMPLETED,  false, false, 2024-02-29, ,          2025-02-28, PENDING",
    "COMPLETED,  false, false, 2024-02-29, ,          2025-03-01, OVERDUE",
    // No primary completion date: the completion date counts.
    "TERMINATED, false, false, ,           2023-06-02, 2024-06-02, PENDING",
    "TERMINATED, false, false, ,           2023-06-02, 2024-06-03, OVERDUE",
    // The primary completion date counts before the completion date.
    "COMPLETED,  false, false, 2024-01-10, 2026-01-10, 2025-06-01, OVERDUE",
    // No date at all: an ended trial is overdue, one still running is not due.
    "COMPLETED,  false, false, ,           ,          2026-11-28, OVERDUE",
    "TERMINATED, false, false, ,           ,          2026-11-28, OVERDUE",
    "RECRUITING, false, false, ,           ,          2026-11-28, NOT_DUE",
    "UNKNOWN,    false, false, ,           ,          2026-11-28, NOT_DUE",
    // A date passed long ago counts whatever the status says (an estimate never updated).
    "RECRUITING, false, false, 2020-05,    ,          2026-11-28, OVERDUE",
  })
  void dependsOnWhatIsOutAndOnTheDeadlineTwelveMonthsAfterTheDate(
      String status,
      boolean posted,
      boolean published,
      String primaryCompletion,
      String completion,
      LocalDate day,
      ResultsStatus expected) {
    TestTrial trial = trial("NCT04077437").status(status).hasResults(posted);
    if (published) {
      trial.publications("PMID:31454045");
    }
    if (primaryCompletion != null) {
      trial.primaryCompletionDate(primaryCompletion);
    }
    if (completion != null) {
      trial.completionDate(completion);
    }

    assertThat(ResultsStatus.of(trial.build(), day)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} on {1}: {2} months")
  @CsvSource({
    "2024-03-15, 2025-03-16, 0",
    "2024-03-15, 2025-04-16, 1",
    "2019-03, 2026-11-28, 79",
    "2024, 2026-01-01, 0",
  })
  void countsWholeMonthsOverdueFromTheDeadline(PartialDate due, LocalDate day, long months) {
    assertThat(ResultsStatus.monthsOverdue(due, day)).isEqualTo(months);
  }
}
