package org.mdmatrials.source.euctr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NationalStatusTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "Ongoing                                   | ACTIVE_NOT_RECRUITING",
        "Restarted                                 | ACTIVE_NOT_RECRUITING",
        "Temporarily Halted                        | SUSPENDED",
        "Completed                                 | COMPLETED",
        "Prematurely Ended                         | TERMINATED",
        "Not Authorised                            | WITHDRAWN",
        "GB - no longer in EU/EEA                  | UNKNOWN",
        "Trial now transitioned                    | UNKNOWN",
        "Completed; Ongoing                        | ACTIVE_NOT_RECRUITING",
        "Completed; Temporarily Halted             | SUSPENDED",
        "Prematurely Ended; Completed              | COMPLETED",
        "Not Authorised; Prematurely Ended         | TERMINATED",
        "GB - no longer in EU/EEA; Completed       | COMPLETED",
        "GB - no longer in EU/EEA; Not Authorised  | WITHDRAWN",
        "ongoing                                   | ACTIVE_NOT_RECRUITING",
      })
  void derivesTheTrialsStatusFromItsMemberStatesByPrecedence(String national, String overall) {
    assertThat(NationalStatus.overall(List.of(national.split("; ")))).isEqualTo(overall);
  }

  @Test
  void givesNoStatusWhenNoMemberStateGivesOne() {
    assertThat(NationalStatus.overall(List.of())).isNull();
  }
}
