package org.mdmatrials.source.isrctn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mdmatrials.source.isrctn.IsrctnFixtures.changed;
import static org.mdmatrials.source.isrctn.IsrctnFixtures.complete;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdmatrials.CollectingSink;
import org.mdmatrials.core.Eligibility;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.Outcome;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.Trial;

class FullTrialMapperTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-11-28");

  @Test
  void mapsARecruitingDrugTrialFieldByField() throws Exception {
    Trial trial = IsrctnFixtures.trial(complete(), "ISRCTN41823570", TODAY);

    assertThat(trial.trialId()).isEqualTo("ISRCTN41823570");
    assertThat(trial.registry()).isEqualTo(IsrctnModule.REGISTRY);
    assertThat(trial.origin().url()).isEqualTo("https://www.isrctn.com/ISRCTN41823570");
    assertThat(trial.titles().title())
        .isEqualTo(
            "A trial to assess if aspirin with omega-3 and colchicine are medicines that can help"
                + " recovery from a COPD exacerbation.");
    assertThat(trial.titles().officialTitle())
        .startsWith("A factorial randomised placebo controlled double-blind trial")
        .endsWith("reduce recurrent exacerbations (EASE-COPD)");
    assertThat(trial.titles().acronym()).isEqualTo("EASE-COPD");
    assertThat(trial.status().overallStatus()).isEqualTo("RECRUITING");
    assertThat(trial.status().registryStatus())
        .isEqualTo("Recruitment 2026-07-23 to 2028-03-31; overall end 2029-08-01");
    assertThat(trial.design().phases()).containsExactly("PHASE3");
    assertThat(trial.design().studyType()).isEqualTo("INTERVENTIONAL");
    assertThat(trial.design().enrollment()).isEqualTo(440);
    assertThat(trial.design().enrollmentType()).isEqualTo("ESTIMATED");
    assertThat(trial.dates().startDate()).isEqualTo(PartialDate.parse("2026-07-23"));
    assertThat(trial.dates().primaryCompletionDate()).isNull();
    assertThat(trial.dates().completionDate()).isEqualTo(PartialDate.parse("2029-08-01"));
    assertThat(trial.dates().firstPosted()).isEqualTo(PartialDate.parse("2026-02-24"));
    assertThat(trial.dates().lastUpdatePosted()).isEqualTo(PartialDate.parse("2026-07-27"));
    assertThat(trial.sponsors().leadSponsor()).isEqualTo("Cambridge Clinical Trials Unit (CCTU)");
    assertThat(trial.sponsors().collaborators())
        .containsExactly("National Institute for Health and Care Research");
    assertThat(trial.topic().conditions())
        .containsExactly("Chronic obstructive pulmonary disease (COPD)");
    assertThat(trial.topic().keywords()).containsExactly("Respiratory");
    assertThat(trial.topic().conditionMeshTerms()).isEmpty();
    assertThat(trial.arms().interventions())
        .containsExactly(
            new Intervention(
                "DRUG", "Aspirin, Colchicine, Omega-3-acid ethyl esters 90", List.of()));
    assertThat(trial.arms().armGroups()).isEmpty();
    assertThat(trial.topic().briefSummary())
        .startsWith("Background and study aims\nChronic obstructive pulmonary disease (COPD)")
        .endsWith("Who is the main contact?\ncuh.easecopd@nhs.net");
    assertThat(trial.countries()).containsExactly("England", "United Kingdom");
    assertThat(trial.results().hasResults()).isFalse();
    assertThat(trial.secondaryIds())
        .containsExactly(
            new SecondaryId("IRAS", "1010119", null),
            new SecondaryId("PROTOCOL_SERIAL_NUMBER", "CPMS: 58327", null),
            new SecondaryId("CPMS", "58327", null));
    assertThat(trial.origin().sourceVersion()).isNull();
  }

  @Test
  void leadsWithTheFirstSponsorTheTrialNamesAndCollaboratesWithTheRestAndTheFunders()
      throws Exception {
    Trial trial = IsrctnFixtures.trial(complete(), "ISRCTN91308625", TODAY);

    assertThat(trial.sponsors().leadSponsor()).isEqualTo("King's College London");
    assertThat(trial.sponsors().collaborators())
        .containsExactly("Guy's Hospital", "Guy's and St Thomas' NHS Foundation Trust");
    assertThat(trial.design().phases()).containsExactly("NA");
    assertThat(trial.results().hasResults())
        .as("a protocol article and an information sheet")
        .isFalse();
    assertThat(trial.secondaryIds()).containsExactly(new SecondaryId("IRAS", "335421", null));
    assertThat(trial.status().overallStatus()).isEqualTo("RECRUITING");
  }

  @Test
  void typesADeviceTrialsCivIdHonestlyAndCountsItsFinalEnrolment() throws Exception {
    Trial trial = IsrctnFixtures.trial(complete(), "ISRCTN15873887", TODAY);

    assertThat(trial.secondaryIds())
        .containsExactly(
            new SecondaryId("CIV_ID", "CIV-ID 23-12-045096", null),
            new SecondaryId("PROTOCOL_SERIAL_NUMBER", "RAS01-M045A", null));
    assertThat(trial.arms().interventions())
        .containsExactly(
            new Intervention("DEVICE", "Intra-oral patch (medical device)", List.of()));
    assertThat(trial.design().enrollment()).isEqualTo(35);
    assertThat(trial.design().enrollmentType()).isEqualTo("ACTUAL");
    assertThat(trial.countries()).containsExactly("Sweden");
    assertThat(trial.status().overallStatus()).isEqualTo("ACTIVE_NOT_RECRUITING");
    assertThat(trial.status().registryStatus())
        .isEqualTo("Recruitment 2024-09-01 to 2026-10-01; overall end 2026-12-01");
  }

  @Test
  void namesAnInterventionWithoutDrugNamesByItsDescription() throws Exception {
    Trial trial = IsrctnFixtures.trial(complete(), "ISRCTN85064961", TODAY);

    Intervention intervention = trial.arms().interventions().get(0);
    assertThat(intervention.type()).isEqualTo("Mixed");
    assertThat(intervention.name()).startsWith("In this two-arm monocentric study, male patients");
    assertThat(trial.design().phases()).isEmpty();
    assertThat(trial.design().enrollment()).isEqualTo(65);
    assertThat(trial.design().enrollmentType()).isEqualTo("ESTIMATED");
    assertThat(trial.status().overallStatus()).isEqualTo("COMPLETED");
    assertThat(trial.sponsors().leadSponsor()).isEqualTo("Paracelsus Medical University");
    assertThat(trial.sponsors().collaborators())
        .containsExactly("EU Interreg Bavaria-Austria 2021-2027");
    assertThat(trial.topic().keywords()).containsExactly("Musculoskeletal Diseases");
    assertThat(trial.secondaryIds())
        .containsExactly(new SecondaryId("PROTOCOL_SERIAL_NUMBER", "2024-0002", null));
  }

  @Test
  void keepsEveryOtherNumberOnceWithTheSecondaryNumbersSplittingACombinedProtocolNumber()
      throws Exception {
    Trial trial = IsrctnFixtures.trial(complete(), "ISRCTN12564318", TODAY);

    assertThat(trial.secondaryIds())
        .containsExactly(
            new SecondaryId("IRAS", "1011829", null),
            new SecondaryId("PROTOCOL_SERIAL_NUMBER", "CPMS: 57449, RG-0367-23", null),
            new SecondaryId("CPMS", "57449", null),
            new SecondaryId("PROTOCOL_SERIAL_NUMBER", "RG-0367-23", null));
    assertThat(trial.design().phases()).containsExactly("PHASE4");
  }

  @Test
  void typesRegistryNumbersAndLeavesOutPlaceholders() throws Exception {
    // Derived: EASE-COPD with an NCT number, an EudraCT number and "Nil known" taken from other
    // real ISRCTN records (see PROVENANCE.md).
    String response =
        changed(
            complete(),
            "ISRCTN41823570",
            "<clinicalTrialsGovNumber/>",
            "<clinicalTrialsGovNumber>NCT01727609</clinicalTrialsGovNumber>");
    response =
        changed(
            response,
            "ISRCTN41823570",
            "<eudraCTNumber/>",
            "<eudraCTNumber>2014-002988-16</eudraCTNumber>");
    response =
        changed(
            response,
            "ISRCTN41823570",
            "<protocolSerialNumber>CPMS: 58327</protocolSerialNumber>",
            "<protocolSerialNumber>Nil known</protocolSerialNumber>");

    Trial trial = IsrctnFixtures.trial(response, "ISRCTN41823570", TODAY);

    assertThat(trial.secondaryIds())
        .containsExactly(
            new SecondaryId("NCT", "NCT01727609", null),
            new SecondaryId("EUDRACT_NUMBER", "2014-002988-16", null),
            new SecondaryId("IRAS", "1010119", null),
            new SecondaryId("CPMS", "58327", null));
  }

  @Test
  void takesTheStatusFromTheRegistrantsOverrideOverTheDates() throws Exception {
    // Derived: WiWa2 (completed by its dates) stopped as ISRCTN12949496 was.
    String response =
        changed(
            complete(),
            "ISRCTN85064961",
            "<recruitmentStatusOverride/>",
            "<recruitmentStatusOverride>Stopped</recruitmentStatusOverride>");
    response =
        changed(
            response,
            "ISRCTN85064961",
            "<overallEndDate>",
            "<overallStatusOverride>Stopped</overallStatusOverride><overallEndDate>");

    Trial trial = IsrctnFixtures.trial(response, "ISRCTN85064961", TODAY);

    assertThat(trial.status().overallStatus()).isEqualTo("TERMINATED");
    assertThat(trial.status().registryStatus()).isEqualTo("Stopped");
  }

  @Test
  void readsTheStructuredDesignEligibilityAndPrimaryOutcomeOfARecentRecord() throws Exception {
    Trial trial = IsrctnFixtures.trial(complete(), "ISRCTN41823570", TODAY);

    assertThat(trial.design().allocation()).isEqualTo("RANDOMIZED");
    assertThat(trial.design().masking()).isEqualTo("Blinded (masking used)");
    assertThat(trial.design().primaryPurpose()).isEqualTo("TREATMENT");
    assertThat(trial.design().eligibility())
        .isEqualTo(new Eligibility("40 Years", "99 Years", "ALL", false, null));
    assertThat(trial.design().primaryOutcomes())
        .containsExactly(
            new Outcome(
                "Incident of treatment failure up to 12 weeks from starting standard of care"
                    + " treatment of COPD: Treatment failure is composite of requirement of"
                    + " re-treatment of a COPD exacerbation (i.e; oral corticosteroids and/or oral"
                    + " antibiotics), hospitalisation from any cause, or death,",
                "2, 4 and 12 weeks"));
    assertThat(trial.status().whyStopped()).isNull();
    assertThat(trial.status().statusVerified()).isNull();
    assertThat(trial.results().resultsFirstPosted()).isNull();
    assertThat(trial.results().publications()).isEmpty();
  }

  @Test
  void readsAnOlderRecordsPrimaryOutcomeTextAsOneOutcomeAndItsTrialTypeAsItsPurpose()
      throws Exception {
    Trial trial = IsrctnFixtures.trial(complete(), "ISRCTN85064961", TODAY);

    assertThat(trial.design().primaryOutcomes())
        .containsExactly(
            new Outcome(
                "1. Indication-related quality of life measured using the Oswestry Low Back"
                    + " Disability Index (ODI) at the beginning (T1) and end (T2) of back"
                    + " rehabilitation as well as 90 (T3) and 180 days after the end of"
                    + " rehabilitation (T4) 2. Indication-related posture, mobility, postural"
                    + " competence measured using Spine-Check at the beginning (T1) and end (T2)"
                    + " of back rehabilitation",
                null));
    assertThat(trial.design().allocation()).isEqualTo("RANDOMIZED");
    assertThat(trial.design().masking()).isNull();
    assertThat(trial.design().primaryPurpose()).isEqualTo("TREATMENT");
    assertThat(trial.design().eligibility())
        .isEqualTo(new Eligibility("18 Years", "65 Years", "MALE", false, true));
  }

  @Test
  void callsANonRandomisedStudyNonRandomizedAndGivesNoPurposeForTheTrialTypeOther()
      throws Exception {
    Trial trial = IsrctnFixtures.trial(complete(), "ISRCTN91308625", TODAY);

    assertThat(trial.design().allocation()).isEqualTo("NON_RANDOMIZED");
    assertThat(trial.design().primaryPurpose()).isNull();
  }

  @Test
  void listsAResultsArticleByThePubmedIdOfItsLinkButNotAProtocolArticle() throws Exception {
    // The record as served links a protocol article; the same output typed as a results article
    // is a variant made here.
    String results =
        changed(
            complete(),
            "ISRCTN91308625",
            "outputType=\"protocolarticle\"",
            "outputType=\"resultsarticle\"");

    assertThat(IsrctnFixtures.trial(complete(), "ISRCTN91308625", TODAY).results().publications())
        .isEmpty();
    Trial published = IsrctnFixtures.trial(results, "ISRCTN91308625", TODAY);
    assertThat(published.results().publications()).containsExactly("PMID:41922059");
    assertThat(published.results().hasResults()).isFalse();
  }

  @Test
  void listsTheResultsArticlesOfAnOlderRecordsPublicationDetailsByTheirDoi() throws Exception {
    // The publication details of ISRCTN80181452 (ctrdata's stored records, see PROVENANCE.md),
    // put in this record's empty element.
    String response =
        changed(
            complete(),
            "ISRCTN85064961",
            "<publicationDetails/>",
            "<publicationDetails>2015 Results article in"
                + " https://www.nejm.org/doi/full/10.1056/NEJMoa1501917 results\n2018 Results"
                + " article in https://www.nejm.org/doi/full/10.1056/NEJMoa1708831 results\n2010"
                + " Protocol article in http://www.ncbi.nlm.nih.gov/pubmed/19590247"
                + " protocol</publicationDetails>");

    assertThat(IsrctnFixtures.trial(response, "ISRCTN85064961", TODAY).results().publications())
        .containsExactly("DOI:10.1056/NEJMoa1501917", "DOI:10.1056/NEJMoa1708831");
  }

  @Test
  void holdsResultsWhenTheRegistryPostsThemNotWhenThePublicationStageSaysResults()
      throws Exception {
    String stage =
        changed(
            complete(),
            "ISRCTN91308625",
            "<publicationStage>Protocol</publicationStage>",
            "<publicationStage>Results</publicationStage>");
    // The record's participant information sheet, typed as basic results instead.
    String posted =
        changed(complete(), "ISRCTN91308625", "outputType=\"pis\"", "outputType=\"basicresults\"");

    assertThat(IsrctnFixtures.trial(stage, "ISRCTN91308625", TODAY).results().hasResults())
        .isFalse();
    Trial trial = IsrctnFixtures.trial(posted, "ISRCTN91308625", TODAY);
    assertThat(trial.results().hasResults()).isTrue();
    assertThat(trial.results().resultsFirstPosted()).isEqualTo(PartialDate.parse("2025-01-03"));
  }

  @Test
  void leavesOutAnEnrolmentWrittenAsText() throws Exception {
    String response =
        changed(
            complete(),
            "ISRCTN41823570",
            "<targetEnrolment>440</targetEnrolment>",
            "<targetEnrolment>about 440</targetEnrolment>");

    Trial trial = IsrctnFixtures.trial(response, "ISRCTN41823570", TODAY);

    assertThat(trial.design().enrollment()).isNull();
    assertThat(trial.design().enrollmentType()).isNull();
  }

  @Test
  void skipsATrialWithADateThatIsNotADateSayingWhereAndWhat() throws Exception {
    String response =
        changed(
            complete(),
            "ISRCTN12564318",
            "<recruitmentStart>2025-11-17T00:00:00.000Z</recruitmentStart>",
            "<recruitmentStart>November 2025</recruitmentStart>");

    CollectingSink collected = IsrctnFixtures.read(response, TODAY);

    assertThat(collected.trials).hasSize(4);
    assertThat(collected.skipped)
        .containsExactly(
            new SkippedRecord(
                IsrctnModule.REGISTRY,
                "ISRCTN12564318",
                1,
                3,
                "/allTrials/fullTrial[3]/trial/participants/recruitmentStart",
                "Expected a date such as 2026-07-23T00:00:00.000Z but was \"November 2025\""));
  }

  @Test
  void skipsATrialNamingASponsorItDoesNotHold() throws Exception {
    String response =
        changed(
            complete(),
            "ISRCTN41823570",
            "<sponsorId>b763b024-7a32-409c-b866-c985ba374c05</sponsorId>",
            "<sponsorId>b763b024-0000-0000-0000-c985ba374c05</sponsorId>");

    CollectingSink collected = IsrctnFixtures.read(response, TODAY);

    SkippedRecord skipped = collected.skipped.get(0);
    assertThat(skipped.path()).isEqualTo("/allTrials/fullTrial[1]/trial/parties/sponsorId[1]");
    assertThat(skipped.problem())
        .isEqualTo(
            "Expected the id of a <sponsor> in the record but was"
                + " \"b763b024-0000-0000-0000-c985ba374c05\", which none has");
  }

  @Test
  void skipsATrialWithoutAnIsrctn() throws Exception {
    String response =
        changed(
            complete(),
            "ISRCTN85064961",
            "<isrctn dateAssigned=\"2025-07-29T07:43:37.689337Z\">85064961</isrctn>",
            "");
    response = response.replace(" publicIdentifierCanonical=\"ISRCTN85064961\"", "");

    CollectingSink collected = IsrctnFixtures.read(response, TODAY);

    assertThat(collected.trials).extracting(Trial::trialId).doesNotContain("ISRCTN85064961");
    SkippedRecord skipped = collected.skipped.get(0);
    assertThat(skipped.trialId()).isNull();
    assertThat(skipped.position()).isEqualTo(2);
    assertThat(skipped.path()).isEqualTo("/allTrials/fullTrial[2]/trial/isrctn");
    assertThat(skipped.problem()).isEqualTo("Expected an ISRCTN number but was none");
  }
}
