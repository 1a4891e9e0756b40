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
        // The WHO registries' ids, as ICTRP exports and registry records write them (each real:
        // fixtures/ictrp, or the record named).
        "ACTRN12619001334190p | ACTRN12619001334190",
        "EUCTR2019-001698-10-NL | 2019-001698-10",
        "CTIS2023-507385-11-00 | 2023-507385-11-00",
        "NL-OMON55279 | NL-OMON55279",
        "NTR6670 | NTR6670",
        "NL8490 | NL8490",
        "DRKS00032447 | DRKS00032447",
        "JPRN-jRCTs031210288 | jRCTs031210288",
        "jRCT2080224769 | jRCT2080224769",
        "JPRN-UMIN000027045 | UMIN000027045",
        "JapicCTI-194846 | JapicCTI-194846",
        "ChiCTR2100050713 | ChiCTR2100050713",
        "KCT0000379 | KCT0000379",
        "IRCT20100228003449N27 | IRCT20100228003449N27",
        "TCTR20200321001 | TCTR20200321001",
        // CTRI: a vaccine trial (Vaccine 2024;42:3157); ReBEC:
        // ensaiosclinicos.gov.br/rg/RBR-386rm8;
        // PACTR: the MATCH trial.
        "CTRI/2020/02/023129 | CTRI/2020/02/023129",
        "RBR-386rm8 | RBR-386rm8",
        "PACTR201609001751384 | PACTR201609001751384",
        // A CCMO number and free text in real secondary ids are no registry's ids.
        "NL73848.000.21 | ''",
        "NL42465.068.12 CCMO | ''",
        "1583821/ 17043-H33 | ''",
        "23-232 BO | ''",
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
