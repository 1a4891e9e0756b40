package org.mdmatrials.source.ictrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mdmatrials.cli.Modules;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.source.MalformedRecordException;

/**
 * The values of the exports as the common record takes them, each row a value of a real export
 * (fixtures/ictrp) or a registry's real record (fixtures/ictrp/PROVENANCE.md).
 */
class ExportValuesTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ANZCTR      | ACTRN12619001334190   | ACTRN12619001334190",
        // The number of the EMMAC study's original version, ANZCTR's page shows: the same trial.
        "ANZCTR      | ACTRN12619001334190p  | ACTRN12619001334190",
        "EUCTR       | EUCTR2021-000037-14-ES | 2021-000037-14",
        "EUCTR       | EUCTR2015-002340-14-NL | 2015-002340-14",
        "CTIS        | CTIS2023-507385-11-00  | 2023-507385-11-00",
        "JPRN        | JPRN-jRCTs031210288    | jRCTs031210288",
        "JPRN        | JPRN-UMIN000027045     | UMIN000027045",
        "NL_OMON     | NL-OMON55279           | NL-OMON55279",
        "NL_OMON     | NTR6670                | NTR6670",
        "NL_OMON     | NL8490                 | NL8490",
        "DRKS        | DRKS00032447           | DRKS00032447",
        "CHICTR      | ChiCTR2100050713       | ChiCTR2100050713",
        "CRIS        | KCT0000379             | KCT0000379",
        "IRCT        | IRCT20100228003449N27  | IRCT20100228003449N27",
        "CTGOV       | NCT06360289            | NCT06360289",
      })
  void writesEachTrialIdAsItsRegistryWritesIt(String code, String given, String trialId) {
    var registry = Modules.SHIPPED.registries().byCode(code).orElseThrow();

    assertThat(WhoRegistries.trialId(registry, given)).isEqualTo(trialId);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ClinicalTrials.gov                | CTGOV",
        "EU Clinical Trials Register       | EUCTR",
        "Clinical Trials Information System | CTIS",
        "ISRCTN                            | ISRCTN",
        "ANZCTR                            | ANZCTR",
        "NL-OMON                           | NL_OMON",
        "Netherlands Trial Register        | NL_OMON",
        "German Clinical Trials Register   | DRKS",
        "JPRN                              | JPRN",
        "ChiCTR                            | CHICTR",
        "CRIS                              | CRIS",
        "IRCT                              | IRCT",
        "TCTR                              | TCTR",
        "CTRI                              | CTRI",
        "REBEC                             | REBEC",
      })
  void takesEachRecordsRegistryFromItsSourceRegister(String sourceRegister, String code) {
    assertThat(WhoRegistries.named(sourceRegister, Modules.SHIPPED.registries()))
        .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(code));
  }

  @Test
  void knowsTheMemberStateOfAnEuRegisterRecord() {
    assertThat(WhoRegistries.memberState("EUCTR2018-001718-13-NL")).isEqualTo("NL");
    assertThat(WhoRegistries.memberState("EUCTR2018-001718-13")).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Phase 3                | PHASE3",
        "Phase 2/Phase 3        | PHASE2 PHASE3",
        "Phase 1 / Phase 2      | PHASE1 PHASE2",
        "Phase1/Phase2          | PHASE1 PHASE2",
        "Phase III              | PHASE3",
        "Early Phase 1          | EARLY_PHASE1",
        "Phase 0                | EARLY_PHASE1",
        "0                      | EARLY_PHASE1",
        "2-3                    | PHASE2 PHASE3",
        "1-2                    | PHASE1 PHASE2",
        "N/A                    | NA",
        "Not Applicable         | NA",
        "Not selected           | ''",
        "Retrospective study    | ''",
        "Human pharmacology (Phase I): no Therapeutic exploratory (Phase II): yes Therapeutic"
            + " confirmatory - (Phase III): yes Therapeutic use - (Phase IV): no | PHASE2 PHASE3",
      })
  void readsEachRegistrysPhaseWording(String wording, String phases) throws Exception {
    assertThat(String.join(" ", Vocabulary.phases(wording, "/Phase"))).isEqualTo(phases);
  }

  @Test
  void refusesAPhaseInNoWordingKnown() {
    assertThatThrownBy(() -> Vocabulary.phases("Phase 2a", "/Trial[3]/Phase"))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageEndingWith("but was \"Phase 2a\" at /Trial[3]/Phase");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "20240408           | 2024-04-08",
        "2021-09-20         | 2021-09-20",
        "2016/12/06         | 2016-12-06",
        "08/04/2024         | 2024-04-08",
        "6/09/2023          | 2023-09-06",
        "21-10-2013         | 2013-10-21",
        "April 25, 2024     | 2024-04-25",
        "January 2022       | 2022-01",
        "20 May 2024        | 2024-05-20",
        "01/01/1900         | ''",
      })
  void readsEachDateShapeAsPreciseAsGiven(String written, String date) throws Exception {
    PartialDate read = Dates.parse(written + "\n    ", "/Date");

    assertThat(read == null ? "" : read.toString()).isEqualTo(date);
  }

  @Test
  void refusesADayNotOnTheCalendar() {
    assertThatThrownBy(() -> Dates.parse("31/02/2024", "/Trial[1]/Date_enrollement"))
        .hasMessageContaining("but was \"31/02/2024\" at /Trial[1]/Date_enrollement");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "06/09/2024 16:01:13   | 2024-06-09T16:01:13",
        "09/18/2026 10:42:00   | 2026-09-18T10:42:00",
        "3/18/2020 6:53:35 PM  | 2020-03-18T18:53:35",
        "4/15/2020 4:11:24 PM  | 2020-04-15T16:11:24",
      })
  void readsTheExportsDateMonthFirst(String written, String iso) {
    assertThat(Dates.exported(written)).isEqualTo(iso);
  }

  @Test
  void takesTextAsOneLineOrAsItsValues() {
    assertThat(Texts.line("NeuroMSleepModeD\r\nNeuromodulation  in patients\n    "))
        .isEqualTo("NeuroMSleepModeD Neuromodulation in patients");
    assertThat(Texts.line("<Acronym/> is null:\n    ")).isEqualTo("<Acronym/> is null:");
    assertThat(Texts.line(" \n    ")).isNull();
    assertThat(
            Texts.values(
                "systemisch amyloïdose <br>familiar amyloid polyneuropathy <br>Systemic"
                    + " amyloidosis;10007963\n    "))
        .containsExactly(
            "systemisch amyloïdose",
            "familiar amyloid polyneuropathy",
            "Systemic amyloidosis",
            "10007963");
    assertThat(Texts.values("Sweden;United Kingdom;New Zealand;Sweden;"))
        .containsExactly("Sweden", "United Kingdom", "New Zealand");
    assertThat(Texts.entries("<p>Please refer to section E6 of the protocol. </p><br>"))
        .containsExactly("Please refer to section E6 of the protocol.");
  }

  @Test
  void typesAnInterventionAsClinicalTrialsGovDoes() {
    assertThat(Vocabulary.intervention("Drug: Ocrelizumab (US)"))
        .isEqualTo(new Intervention("DRUG", "Ocrelizumab (US)", List.of()));
    assertThat(Vocabulary.intervention("Dietary Supplement: Vitamin D"))
        .isEqualTo(new Intervention("DIETARY_SUPPLEMENT", "Vitamin D", List.of()));
    assertThat(Vocabulary.intervention("control group:No"))
        .isEqualTo(new Intervention(null, "control group:No", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Recruiting        | RECRUITING",
        "Not recruiting    | ''",
        "Not Recruiting    | ''",
        "Authorised        | ACTIVE_NOT_RECRUITING",
        "Not Available     | ''",
      })
  void takesAStatusOnlyWhereTheWordingSaysOne(String wording, String status) {
    String overall = Vocabulary.status(wording);

    assertThat(overall == null ? "" : overall).isEqualTo(status);
  }
}
