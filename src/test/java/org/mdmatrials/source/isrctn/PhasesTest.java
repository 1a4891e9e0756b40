package org.mdmatrials.source.isrctn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mdmatrials.source.MalformedRecordException;

class PhasesTest {
  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Phase I        | PHASE1",
        "Phase I/II     | PHASE1 PHASE2",
        "Phase II       | PHASE2",
        "Phase II/III   | PHASE2 PHASE3",
        "Phase III      | PHASE3",
        "Phase III/IV   | PHASE3 PHASE4",
        "Phase IV       | PHASE4",
        "Phase 2/Phase 3| PHASE2 PHASE3",
        "Phase 0        | EARLY_PHASE1",
        "Not Applicable | NA",
        "Not Specified  | ''",
      })
  void namesIsrctnPhasesAsClinicalTrialsGovDoes(String text, String phases) throws Exception {
    assertThat(Phases.parse(text, "phase"))
        .containsExactlyElementsOf(phases.isEmpty() ? List.of() : Arrays.asList(phases.split(" ")));
  }

  @ParameterizedTest
  @CsvSource({"Phase V", "Pilot", "Phase II/", "III"})
  void refusesAnythingElseSayingWhatWasExpected(String text) {
    assertThatThrownBy(() -> Phases.parse(text, "trial/interventions/intervention[1]/phase"))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessage(
            "Expected a phase such as \"Phase II/III\", \"Not Applicable\" or \"Not Specified\""
                + " but was \""
                + text
                + "\" at trial/interventions/intervention[1]/phase");
  }
}
