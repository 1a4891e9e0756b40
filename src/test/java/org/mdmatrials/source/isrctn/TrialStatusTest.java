package org.mdmatrials.source.isrctn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrialStatusTest {
  // EASE-COPD's dates (ISRCTN41823570 in the recorded response).
  private static final LocalDate START = LocalDate.parse("2026-07-23");
  private static final LocalDate END = LocalDate.parse("2028-03-31");
  private static final LocalDate OVERALL_END = LocalDate.parse("2029-08-01");

  @ParameterizedTest(name = "on {0}: {1}")
  @CsvSource({
    "2026-07-22, NOT_YET_RECRUITING",
    "2026-07-23, RECRUITING",
    "2028-03-31, RECRUITING",
    "2028-04-01, ACTIVE_NOT_RECRUITING",
    "2029-08-01, ACTIVE_NOT_RECRUITING",
    "2029-08-02, COMPLETED",
  })
  void followsTheDatesWhenNoOverrideIsSet(String today, String status) {
    TrialStatus derived =
        TrialStatus.derive(List.of(), START, END, OVERALL_END, LocalDate.parse(today));

    assertThat(derived.overall()).isEqualTo(status);
    assertThat(derived.registry())
        .isEqualTo("Recruitment 2026-07-23 to 2028-03-31; overall end 2029-08-01");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Stopped            | TERMINATED            | Stopped",
        "Stopped;Stopped    | TERMINATED            | Stopped",
        "Suspended          | SUSPENDED             | Suspended",
        "Withdrawn          | WITHDRAWN             | Withdrawn",
        "No longer recruiting | ACTIVE_NOT_RECRUITING | No longer recruiting",
        "Paused;Suspended   | SUSPENDED             | Paused; Suspended",
        "Paused             | UNKNOWN               | Paused",
      })
  void takesTheFirstOverrideItKnowsAndKeepsTheirWords(
      String overrides, String status, String words) {
    TrialStatus derived =
        TrialStatus.derive(
            Arrays.asList(overrides.split(";")), START, END, OVERALL_END, START.plusDays(1));

    assertThat(derived.overall()).isEqualTo(status);
    assertThat(derived.registry()).isEqualTo(words);
  }

  @Test
  void isUnknownWithoutDates() {
    TrialStatus derived = TrialStatus.derive(List.of(), null, null, null, START);

    assertThat(derived.overall()).isEqualTo("UNKNOWN");
    assertThat(derived.registry()).isNull();
  }

  @Test
  void namesTheDatesItHas() {
    assertThat(TrialStatus.derive(List.of(), START, null, null, START).registry())
        .isEqualTo("Recruitment from 2026-07-23");
    assertThat(TrialStatus.derive(List.of(), null, null, OVERALL_END, START).registry())
        .isEqualTo("Overall end 2029-08-01");
  }
}
