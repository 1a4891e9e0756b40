package org.mdmatrials.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mdmatrials.TestTrial.trial;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mdmatrials.cli.Modules;
import org.mdmatrials.core.SecondaryId;

class TrialIdsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "NCT04077437 | NCT04077437",
        "nct 04077437 | NCT04077437",
        "NCT-04077437 | NCT04077437",
        "ISRCTN41823570 | ISRCTN41823570",
        "isrctn 41823570 | ISRCTN41823570",
        "ACTRN12619000123456 | ACTRN12619000123456",
        "2022-002568-62 | 2022-002568-62",
        "EudraCT 2022-002568-62 | 2022-002568-62",
        "2023-508143-51-01 | 2023-508143-51-01",
        "CTIS 2023-508143-51-01 (EudraCT 2019-001234-56) | 2023-508143-51-01 2019-001234-56",
        "CIV-ID 21-07-037241 | ''",
        "NCT0407743 | ''",
        "XNCT04077437 | ''",
        "Nil known | ''"
      })
  void recognisesRegistryIdsByTheirFormAndNormalisesThem(String text, String expected) {
    assertThat(String.join(" ", Modules.SHIPPED.trialIds().normalise(text))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SPONSOR_PROTOCOL | MAPP1",
        "OTHER_GRANT | U10CA180886",
      })
  void leavesOtherIdsOut(String type, String id) {
    assertThat(
            Modules.SHIPPED
                .trialIds()
                .of(trial("NCT03537014").secondaryIds(new SecondaryId(type, id, null)).build()))
        .containsExactly("NCT03537014");
  }
}
