package org.mdmatrials.source.ctis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mdmatrials.source.ctis.CtisFixtures.POSACONAZOLE;
import static org.mdmatrials.source.ctis.CtisFixtures.ZANAMIVIR;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mdmatrials.core.Eligibility;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.Outcome;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.Trial;
import org.mdmatrials.source.MalformedRecordException;

class CtisMapperTest {
  private static final RecordReader READER =
      new RecordReader(
          JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());

  @Test
  void readsThePrimaryEndPointsAndWhoTakesPart() throws Exception {
    Trial trial = read(CtisFixtures.record(ZANAMIVIR));

    assertThat(trial.design().primaryOutcomes())
        .extracting(Outcome::label)
        .containsExactly(
            "Area under the serum concentration-time curve (AUC)",
            "Maximum serum concentration (Cmax)",
            "Clearance (CL)",
            "Terminal half-life (t1/2)");
    assertThat(trial.design().eligibility())
        .isEqualTo(new Eligibility(null, null, "ALL", false, true));
    assertThat(trial.design().allocation()).isNull();
    assertThat(trial.results().publications()).isEmpty();
    assertThat(trial.results().resultsFirstPosted()).isNull();
    assertThat(trial.status().whyStopped()).isNull();
  }

  @Test
  void takesOnlyHealthyVolunteersWhenTheirsIsTheOnlyGroup() throws Exception {
    // The record's one group of trial subjects renamed: a variant made here.
    ObjectNode record = CtisFixtures.record(POSACONAZOLE);
    ObjectNode population =
        (ObjectNode)
            record.at(
                "/authorizedApplication/authorizedPartI/trialDetails/trialInformation"
                    + "/populationOfTrialSubjects");
    ((ObjectNode) population.get("clinicalTrialGroups").get(0)).put("name", "Healthy volunteers");
    population.put("isMaleSubjects", false);

    Eligibility eligibility = read(record).design().eligibility();

    assertThat(eligibility).isEqualTo(new Eligibility(null, null, "FEMALE", true, false));
    assertThat(eligibility.onlyHealthyVolunteers()).isTrue();
  }

  @Test
  void mapsATransitionedTrialInTwoMemberStatesFieldByField() throws Exception {
    Trial trial = read(CtisFixtures.record(ZANAMIVIR));

    assertThat(trial.trialId()).isEqualTo(ZANAMIVIR);
    assertThat(trial.registry()).isEqualTo(CtisModule.REGISTRY);
    assertThat(trial.origin().url())
        .isEqualTo(
            "https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT=" + ZANAMIVIR);
    assertThat(trial.titles().title())
        .startsWith("An open label, single arm study to evaluate single and multiple dose")
        .endsWith("under 6 months of age with confirmed complicated influenza infection.");
    assertThat(trial.titles().officialTitle()).isEqualTo(trial.titles().title());
    assertThat(trial.titles().acronym()).isNull();
    assertThat(trial.status().overallStatus()).isEqualTo("RECRUITING");
    assertThat(trial.status().registryStatus()).isEqualTo("Ongoing, recruiting");
    assertThat(trial.design().phases()).containsExactly("PHASE2");
    assertThat(trial.design().studyType()).isEqualTo("INTERVENTIONAL");
    assertThat(trial.design().enrollment()).isEqualTo(11); // Spain 7, Italy 4, none outside the EEA
    assertThat(trial.design().enrollmentType()).isEqualTo("ESTIMATED");
    assertThat(trial.dates().startDate()).isEqualTo(PartialDate.parse("2021-01-29"));
    assertThat(trial.dates().primaryCompletionDate()).isNull();
    assertThat(trial.dates().completionDate()).isEqualTo(PartialDate.parse("2026-12-09"));
    assertThat(trial.dates().firstPosted()).isEqualTo(PartialDate.parse("2024-04-24"));
    assertThat(trial.dates().lastUpdatePosted()).isEqualTo(PartialDate.parse("2025-09-16"));
    assertThat(trial.sponsors().leadSponsor())
        .isEqualTo("Glaxosmithkline Research & Development Limited");
    assertThat(trial.sponsors().collaborators()).isEmpty();
    assertThat(trial.topic().conditions()).containsExactly("Influenza, Human");
    assertThat(trial.topic().keywords()).isEmpty();
    assertThat(trial.topic().conditionMeshTerms()).isEmpty();
    assertThat(trial.arms().interventions())
        .containsExactly(
            new Intervention(
                "DRUG", "Dectova 10 mg/mL solution for infusion", List.of("zanamivir")));
    assertThat(trial.arms().armGroups()).isEmpty();
    assertThat(trial.topic().briefSummary())
        .startsWith("To characterise single and multiple dose to steady state pharmacokinetics");
    assertThat(trial.countries()).containsExactly("Italy", "Spain");
    assertThat(trial.results().hasResults()).isFalse();
    assertThat(trial.secondaryIds())
        .containsExactly(
            new SecondaryId("NCT", "NCT04494412", "ClinicalTrials.gov"),
            new SecondaryId("EUDRACT_NUMBER", "2019-001588-63", "EudraCT"),
            new SecondaryId(
                "SPONSOR_PROTOCOL", "200925", "Glaxosmithkline Research & Development Limited"));
    assertThat(trial.origin().sourceVersion()).isNull();
  }

  @Test
  void mapsATrialWithParticipantsOutsideTheEeaAndAnotherRegistry() throws Exception {
    Trial trial = read(CtisFixtures.record(POSACONAZOLE));

    assertThat(trial.titles().title())
        .isEqualTo("Posaconazole (MK-5592) IV and oral in children (less than 2 years) with IFI");
    assertThat(trial.titles().officialTitle())
        .startsWith("A Phase 2, Open-Label, Single-Arm, Sequential-Panel Study");
    assertThat(trial.design().enrollment())
        .isEqualTo(32); // Belgium 6, Poland 3, Greece 4, elsewhere 19
    assertThat(trial.dates().startDate()).isEqualTo(PartialDate.parse("2021-04-28"));
    assertThat(trial.dates().completionDate()).isEqualTo(PartialDate.parse("2025-09-22"));
    assertThat(trial.dates().firstPosted()).isEqualTo(PartialDate.parse("2024-04-12"));
    assertThat(trial.dates().lastUpdatePosted()).isEqualTo(PartialDate.parse("2025-08-20"));
    assertThat(trial.sponsors().leadSponsor()).isEqualTo("Merck Sharp & Dohme LLC");
    assertThat(trial.topic().conditions()).containsExactly("Fungal infection");
    assertThat(trial.arms().interventions())
        .containsExactly(
            new Intervention(
                "DRUG",
                "Noxafil 300 mg concentrate for solution for infusion",
                List.of("posaconazole")),
            new Intervention("DRUG", "Posaconazole", List.of("MK-5592")));
    assertThat(trial.countries()).containsExactly("Belgium", "Greece", "Poland");
    assertThat(trial.secondaryIds())
        .containsExactly(
            new SecondaryId("NCT", "NCT04665037", "ClinicalTrials.gov"),
            new SecondaryId("REGISTRY", "75,061; 125,097", "IND"),
            new SecondaryId("EUDRACT_NUMBER", "2019-003842-34", "EudraCT"),
            new SecondaryId("SPONSOR_PROTOCOL", "MK-5592-127", "Merck Sharp & Dohme LLC"));
  }

  @Test
  void keepsATextualCtStatusVerbatim() throws Exception {
    // Other clients report ctStatus in a retrieved record as text; the stored records hold the
    // search summary's code there.
    ObjectNode record = CtisFixtures.record(ZANAMIVIR).put("ctStatus", "Authorised");

    Trial trial = read(record);

    assertThat(trial.status().registryStatus()).isEqualTo("Authorised");
    assertThat(trial.status().overallStatus()).isEqualTo("RECRUITING");
  }

  @ParameterizedTest
  @CsvSource({
    "1, NOT_YET_RECRUITING, Under evaluation",
    "2, NOT_YET_RECRUITING, 'Authorised, recruitment pending'",
    "5, ACTIVE_NOT_RECRUITING, 'Ongoing, recruitment ended'",
    "6, SUSPENDED, Temporarily halted",
    "8, COMPLETED, Ended",
    "9, WITHDRAWN, Expired",
    "10, TERMINATED, Revoked",
    "11, WITHDRAWN, Not authorised",
    "12, WITHDRAWN, Cancelled",
    "99, UNKNOWN, 99"
  })
  void mapsThePublicStatusCode(int code, String overall, String wording) throws Exception {
    ObjectNode record = CtisFixtures.record(ZANAMIVIR).put("ctPublicStatusCode", code);
    record.remove("ctStatus");

    Trial trial = read(record);

    assertThat(trial.status().overallStatus()).isEqualTo(overall);
    assertThat(trial.status().registryStatus()).isEqualTo(wording);
  }

  @Test
  void callsAnEndedTrialTerminatedWhenEveryMemberStateEndedItEarly() throws Exception {
    ObjectNode record = CtisFixtures.record(ZANAMIVIR).put("ctPublicStatusCode", 8);
    for (var state : record.at("/events/trialEvents")) {
      ((ArrayNode) state.get("events"))
          .addObject()
          .put("notificationType", "EARLY_TERMINATION")
          .put("date", "2025-10-01");
    }

    assertThat(read(record).status().overallStatus()).isEqualTo("TERMINATED");

    ((ArrayNode) record.at("/events/trialEvents/0/events")).remove(2);
    assertThat(read(record).status().overallStatus()).isEqualTo("COMPLETED");
  }

  @ParameterizedTest
  @CsvSource({"3, PHASE1", "6, PHASE4", "7, PHASE1 PHASE2", "10, PHASE2 PHASE3", "13, ''"})
  void mapsThePhaseCode(String code, String phases) throws Exception {
    ObjectNode record = CtisFixtures.record(ZANAMIVIR);
    ((ObjectNode)
            record.at(
                "/authorizedApplication/authorizedPartI/trialDetails/trialInformation/trialCategory"))
        .put("trialPhase", code);

    assertThat(read(record).design().phases())
        .isEqualTo(phases.isEmpty() ? List.of() : List.of(phases.split(" ")));
  }

  @Test
  void startsAtThePlannedRecruitmentWhenTheTrialHasNotStartedInTheEu() throws Exception {
    ObjectNode record = CtisFixtures.record(ZANAMIVIR);
    record.remove("startDateEU");

    assertThat(read(record).dates().startDate()).isEqualTo(PartialDate.parse("2023-01-16"));
  }

  @Test
  void refusesADateInNeitherFormatNamingItsPath() {
    ObjectNode record = CtisFixtures.record(ZANAMIVIR).put("startDateEU", "January 2021");

    assertThatThrownBy(() -> read(record))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessage(
            "Expected a date as yyyy-MM-dd or dd/MM/yyyy but was \"January 2021\" at $.startDateEU");
  }

  @Test
  void refusesARecordWithoutCtNumber() {
    ObjectNode record = CtisFixtures.record(ZANAMIVIR);
    record.remove("ctNumber");

    assertThatThrownBy(() -> read(record))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessage("Expected a CT number but was nothing at $.ctNumber");
  }

  @Test
  void seesResultsInAnyNonEmptyPartOfResults() throws Exception {
    ObjectNode record = CtisFixtures.record(ZANAMIVIR);
    ((ObjectNode) record.get("results")).putArray("summaryResults").addObject().put("id", 1);

    assertThat(read(record).results().hasResults()).isTrue();
  }

  private static Trial read(ObjectNode record) throws MalformedRecordException {
    return READER.read(record, record.path("ctNumber").asText());
  }
}
