package org.mdmatrials.source.ctgov;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.mdmatrials.Fixtures;
import org.mdmatrials.core.ArmGroup;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.Trial;

class StudyMapperTest {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  @Test
  void mapsAFullRecordWithResultsFieldByField() throws Exception {
    Trial trial = map("NCT03275402");

    assertThat(trial.trialId()).isEqualTo("NCT03275402");
    assertThat(trial.registry()).isEqualTo(Registry.CTGOV);
    assertThat(trial.url()).isEqualTo("https://clinicaltrials.gov/study/NCT03275402");
    assertThat(trial.title())
        .isEqualTo(
            "131I-omburtamab Radioimmunotherapy for Neuroblastoma Central Nervous System/Leptomeningeal Metastases");
    assertThat(trial.officialTitle()).startsWith("A Multicenter Phase 2/3 Trial of the Efficacy");
    assertThat(trial.acronym()).isNull();
    assertThat(trial.overallStatus()).isEqualTo("TERMINATED");
    assertThat(trial.phases()).containsExactly("PHASE2", "PHASE3");
    assertThat(trial.studyType()).isEqualTo("INTERVENTIONAL");
    assertThat(trial.enrollment()).isEqualTo(52);
    assertThat(trial.enrollmentType()).isEqualTo("ACTUAL");
    assertThat(trial.startDate()).isEqualTo(new PartialDate("2018-12-11"));
    assertThat(trial.primaryCompletionDate()).isEqualTo(new PartialDate("2023-06-02"));
    assertThat(trial.completionDate()).isEqualTo(new PartialDate("2023-06-02"));
    assertThat(trial.firstPosted()).isEqualTo(new PartialDate("2017-09-07"));
    assertThat(trial.lastUpdatePosted()).isEqualTo(new PartialDate("2024-02-13"));
    assertThat(trial.leadSponsor()).isEqualTo("Y-mAbs Therapeutics");
    assertThat(trial.collaborators()).isEmpty();
    assertThat(trial.conditions())
        .containsExactly("Neuroblastoma", "CNS Metastases", "Leptomeningeal Metastases");
    assertThat(trial.keywords()).contains("Radioimmunotherapy", "Pediatric");
    assertThat(trial.conditionMeshTerms())
        .containsExactly("Neuroblastoma", "Meningeal Carcinomatosis");
    assertThat(trial.interventions())
        .containsExactly(
            new Intervention("BIOLOGICAL", "131I-omburtamab", java.util.List.of("131I-8H9")));
    assertThat(trial.armGroups())
        .containsExactly(
            new ArmGroup("131I-omburtamab", java.util.List.of("Biological: 131I-omburtamab")));
    assertThat(trial.countries()).containsExactly("Denmark", "Japan", "Spain", "United States");
    assertThat(trial.hasResults()).isTrue();
    assertThat(trial.secondaryIds()).isEmpty();
    assertThat(trial.sourceVersion()).isEqualTo("2026-11-27T09:15:02");
  }

  @Test
  void keepsPartialDatesAsGiven() throws Exception {
    Trial trial = map("NCT00184067");

    assertThat(trial.startDate().value()).isEqualTo("2004-05");
    assertThat(trial.startDate().isFullDate()).isFalse();
    assertThat(trial.primaryCompletionDate().value()).isEqualTo("2007-04");
    assertThat(trial.firstPosted().value()).isEqualTo("2005-09-16");
    assertThat(trial.hasResults()).isFalse();
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
    assertThat(trial.collaborators()).containsExactly("National Cancer Institute (NCI)");
  }

  private static Trial map(String nctId) throws Exception {
    return StudyMapper.toTrial(
        MAPPER.treeToValue(Fixtures.study(nctId), StudyJson.class), "2026-11-27T09:15:02");
  }
}
