package org.mdmatrials.source.ctgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mdmatrials.Fixtures;
import org.mdmatrials.core.ArmGroup;
import org.mdmatrials.core.Eligibility;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.Outcome;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.Trial;
import org.mdmatrials.source.MalformedRecordException;

class StudyMapperTest {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  @Test
  void mapsAFullRecordWithResultsFieldByField() throws Exception {
    Trial trial = map("NCT03275402");

    assertThat(trial.trialId()).isEqualTo("NCT03275402");
    assertThat(trial.registry()).isEqualTo(CtGovModule.REGISTRY);
    assertThat(trial.origin().url()).isEqualTo("https://clinicaltrials.gov/study/NCT03275402");
    assertThat(trial.titles().title())
        .isEqualTo(
            "131I-omburtamab Radioimmunotherapy for Neuroblastoma Central Nervous System/Leptomeningeal Metastases");
    assertThat(trial.titles().officialTitle())
        .startsWith("A Multicenter Phase 2/3 Trial of the Efficacy");
    assertThat(trial.titles().acronym()).isNull();
    assertThat(trial.status().overallStatus()).isEqualTo("TERMINATED");
    assertThat(trial.design().phases()).containsExactly("PHASE2", "PHASE3");
    assertThat(trial.design().studyType()).isEqualTo("INTERVENTIONAL");
    assertThat(trial.design().enrollment()).isEqualTo(52);
    assertThat(trial.design().enrollmentType()).isEqualTo("ACTUAL");
    assertThat(trial.dates().startDate()).isEqualTo(PartialDate.parse("2018-12-11"));
    assertThat(trial.dates().primaryCompletionDate()).isEqualTo(PartialDate.parse("2023-06-02"));
    assertThat(trial.dates().completionDate()).isEqualTo(PartialDate.parse("2023-06-02"));
    assertThat(trial.dates().firstPosted()).isEqualTo(PartialDate.parse("2017-09-07"));
    assertThat(trial.dates().lastUpdatePosted()).isEqualTo(PartialDate.parse("2024-02-13"));
    assertThat(trial.sponsors().leadSponsor()).isEqualTo("Y-mAbs Therapeutics");
    assertThat(trial.sponsors().collaborators()).isEmpty();
    assertThat(trial.topic().conditions())
        .containsExactly("Neuroblastoma", "CNS Metastases", "Leptomeningeal Metastases");
    assertThat(trial.topic().keywords()).contains("Radioimmunotherapy", "Pediatric");
    assertThat(trial.topic().conditionMeshTerms())
        .containsExactly("Neuroblastoma", "Meningeal Carcinomatosis");
    assertThat(trial.arms().interventions())
        .containsExactly(
            new Intervention("BIOLOGICAL", "131I-omburtamab", java.util.List.of("131I-8H9")));
    assertThat(trial.arms().armGroups())
        .containsExactly(
            new ArmGroup("131I-omburtamab", java.util.List.of("Biological: 131I-omburtamab")));
    assertThat(trial.countries()).containsExactly("Denmark", "Japan", "Spain", "United States");
    assertThat(trial.results().hasResults()).isTrue();
    assertThat(trial.secondaryIds()).isEmpty();
    assertThat(trial.origin().sourceVersion()).isEqualTo("2026-11-27T09:15:02");
    assertThat(trial.design().primaryOutcomes())
        .containsExactly(new Outcome("Overall Survival Rate", "3 years"));
    assertThat(trial.results().resultsFirstPosted()).isEqualTo(PartialDate.parse("2024-02-13"));
    assertThat(trial.results().publications()).containsExactly("PMID:39083105", "PMID:38464207");
    assertThat(trial.status().whyStopped())
        .isEqualTo("Corporate business decision. Not due to safety or efficacy concerns.");
    assertThat(trial.status().statusVerified()).isEqualTo(PartialDate.parse("2024-01"));
    assertThat(trial.design().eligibility())
        .isEqualTo(new Eligibility(null, "18 Years", "ALL", false, null));
    assertThat(trial.design().allocation()).isEqualTo("NA");
    assertThat(trial.design().masking()).isEqualTo("NONE");
    assertThat(trial.design().primaryPurpose()).isEqualTo("TREATMENT");
  }

  @Test
  void listsTheReferencesNlmMatchedByTheirPubmedIdsAsResultsPublications() throws Exception {
    Trial trial = map("NCT00567567");

    assertThat(trial.results().publications())
        .containsExactly("PMID:40036726", "PMID:32530765", "PMID:31454045");
    assertThat(trial.results().resultsFirstPosted()).isEqualTo(PartialDate.parse("2017-06-27"));
    assertThat(trial.design().primaryOutcomes())
        .containsExactly(
            new Outcome("Event-free Survival Rate", "Three years, from time of randomization"),
            new Outcome(
                "Response After Induction Therapy",
                "Study enrollment to the end of induction therapy"),
            new Outcome("Incidence Rate of Local Recurrence", "Up to 3 years"));
  }

  /** The recorded studies with results: when they were posted, and the publications linked. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "NCT00567567 | 2017-06-27 | PMID:40036726; PMID:32530765; PMID:31454045 | 2021-12",
        "NCT00716976 | 2017-06-01 | PMID:27914822 | 2021-07",
        "NCT01305200 | 2017-05-09 | | 2016-11",
        "NCT01987596 | 2020-10-29 | | 2020-10",
        "NCT03275402 | 2024-02-13 | PMID:39083105; PMID:38464207 | 2024-01",
      })
  void readsWhenResultsWerePostedAndTheResultsPublicationsOfEveryRecordedStudyWithResults(
      String nctId, String posted, String publications, String verified) throws Exception {
    Trial trial = map(nctId);

    assertThat(trial.results().hasResults()).isTrue();
    assertThat(trial.results().resultsFirstPosted()).isEqualTo(PartialDate.parse(posted));
    assertThat(String.join("; ", trial.results().publications()))
        .isEqualTo(publications == null ? "" : publications);
    assertThat(trial.status().statusVerified()).isEqualTo(PartialDate.parse(verified));
    assertThat(trial.design().primaryOutcomes()).isNotEmpty();
    assertThat(trial.design().allocation()).isIn("RANDOMIZED", "NA");
    assertThat(trial.design().eligibility().healthyVolunteers()).isFalse();
  }

  @Test
  void leavesABackgroundReferenceOutOfThePublications() throws Exception {
    Trial trial = map("NCT01305200");

    assertThat(trial.results().publications()).isEmpty();
    assertThat(trial.results().hasResults()).isTrue();
    assertThat(trial.design().masking()).isEqualTo("DOUBLE");
    assertThat(trial.design().primaryPurpose()).isEqualTo("SUPPORTIVE_CARE");
    assertThat(trial.design().eligibility())
        .isEqualTo(new Eligibility("4 Years", "21 Years", "ALL", false, null));
  }

  @Test
  void citesAResultsReferenceWithoutPubmedIdByTheDoiOfItsCitation() throws Exception {
    // NCT00567567's first reference made a RESULT reference without its PMID: a variant made here.
    ObjectNode study = Fixtures.study("NCT00567567");
    ObjectNode reference = (ObjectNode) study.at("/protocolSection/referencesModule/references/2");
    reference.put("type", "RESULT").remove("pmid");

    Trial trial = StudyMapper.toTrial(MAPPER.treeToValue(study, StudyJson.class), "v");

    assertThat(trial.results().publications())
        .containsExactly("PMID:40036726", "PMID:32530765", "DOI:10.1001/jama.2019.11642");
  }

  @Test
  void reportsAStatusVerifiedDateThatIsNoDateWithItsPath() throws Exception {
    ObjectNode study = Fixtures.study("NCT00184067");
    ((ObjectNode) study.at("/protocolSection/statusModule")).put("statusVerifiedDate", "Jan 2014");

    assertThatThrownBy(() -> StudyMapper.toTrial(MAPPER.treeToValue(study, StudyJson.class), "v"))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("$.protocolSection.statusModule.statusVerifiedDate")
        .hasMessageContaining("\"Jan 2014\"");
  }

  @Test
  void keepsPartialDatesAsGiven() throws Exception {
    Trial trial = map("NCT00184067");

    assertThat(trial.dates().startDate().toString()).isEqualTo("2004-05");
    assertThat(trial.dates().startDate().precision()).isNotEqualTo(PartialDate.Precision.DAY);
    assertThat(trial.dates().primaryCompletionDate().toString()).isEqualTo("2007-04");
    assertThat(trial.dates().firstPosted().toString()).isEqualTo("2005-09-16");
    assertThat(trial.results().hasResults()).isFalse();
    assertThat(trial.status().whyStopped()).isEqualTo("Primary PI left institution");
    assertThat(trial.status().statusVerified().toString()).isEqualTo("2014-01");
    assertThat(trial.results().resultsFirstPosted()).isNull();
    assertThat(trial.design().primaryOutcomes()).isEmpty();
  }

  @Test
  void keepsSecondaryIdsWithAndWithoutType() throws Exception {
    Trial trial = map("NCT00567567");

    assertThat(trial.secondaryIds())
        .startsWith(
            new SecondaryId(
                "REGISTRY", "NCI-2009-01065", "CTRP (Clinical Trial Reporting Program)"),
            new SecondaryId(null, "CDR0000576571", null));
    assertThat(trial.secondaryIds().get(0).label()).isEqualTo("REGISTRY: NCI-2009-01065");
    assertThat(trial.secondaryIds().get(1).label()).isEqualTo("CDR0000576571");
    assertThat(trial.sponsors().collaborators()).containsExactly("National Cancer Institute (NCI)");
  }

  private static Trial map(String nctId) throws Exception {
    return StudyMapper.toTrial(
        MAPPER.treeToValue(Fixtures.study(nctId), StudyJson.class), "2026-11-27T09:15:02");
  }
}
