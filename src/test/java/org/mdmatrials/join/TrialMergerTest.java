package org.mdmatrials.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mdmatrials.TestTrial.trial;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdmatrials.core.Eligibility;
import org.mdmatrials.core.Outcome;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.Trial;
import org.mdmatrials.source.ctgov.CtGovModule;
import org.mdmatrials.source.ctis.CtisModule;
import org.mdmatrials.source.euctr.EuCtrModule;
import org.mdmatrials.source.isrctn.IsrctnModule;

class TrialMergerTest {
  private final TrialMerger merger =
      new TrialMerger(
          List.of(
              CtGovModule.REGISTRY,
              IsrctnModule.REGISTRY,
              CtisModule.REGISTRY,
              EuCtrModule.REGISTRY));

  private final Trial ctgov =
      trial("NCT04077437")
          .title("MDMA-assisted therapy for PTSD")
          .status("RECRUITING")
          .enrollment(100)
          .lastUpdatePosted("2024-01-10")
          .conditions("PTSD")
          .secondaryIds(new SecondaryId("REGISTRY", "ISRCTN41823570", null))
          .build();

  private final Trial isrctn =
      trial("ISRCTN41823570")
          .registry(IsrctnModule.REGISTRY)
          .title("A trial of MDMA-assisted therapy")
          .status("COMPLETED")
          .lastUpdatePosted("2025-03-01")
          .countries("United Kingdom")
          .hasResults(true)
          .secondaryIds(new SecondaryId("clinicalTrialsGovNumber", "NCT04077437", null))
          .build();

  @Test
  void takesTheIdFromThePreferredRegistryAndEachFieldFromTheNewestRecordThatHasIt() {
    Trial merged = merger.merge(List.of(isrctn, ctgov));

    assertThat(merged.trialId()).isEqualTo("NCT04077437");
    assertThat(merged.registry()).isEqualTo(CtGovModule.REGISTRY);
    assertThat(merged.origin().url()).isEqualTo("https://clinicaltrials.gov/study/NCT04077437");
    assertThat(merged.titles().title()).isEqualTo("A trial of MDMA-assisted therapy");
    assertThat(merged.status().overallStatus()).isEqualTo("COMPLETED");
    assertThat(merged.design().enrollment()).isEqualTo(100);
    assertThat(merged.topic().conditions()).containsExactly("PTSD");
    assertThat(merged.countries()).containsExactly("United Kingdom");
    assertThat(merged.results().hasResults()).isTrue();
    assertThat(merged.dates().lastUpdatePosted().toString()).isEqualTo("2025-03-01");
    assertThat(merged.secondaryIds())
        .containsExactly(
            new SecondaryId("REGISTRY", "ISRCTN41823570", null),
            new SecondaryId("clinicalTrialsGovNumber", "NCT04077437", null));
  }

  @Test
  void unitesThePublicationsAndTakesWhoMayTakePartFromTheNewestRecordThatSays() {
    Trial registered =
        trial("NCT04077437")
            .status("COMPLETED")
            .lastUpdatePosted("2024-01-10")
            .primaryOutcomes("CAPS-5 total severity", "18 weeks")
            .eligibility(new Eligibility("18 Years", null, "ALL", false, null))
            .publications("PMID:31454045")
            .build();
    Trial european =
        trial("ISRCTN41823570")
            .registry(IsrctnModule.REGISTRY)
            .status("COMPLETED")
            .lastUpdatePosted("2025-03-01")
            .publications("DOI:10.1200/JCO.19.03316", "PMID:31454045")
            .build();

    Trial merged = merger.merge(List.of(european, registered));

    assertThat(merged.results().publications())
        .containsExactly("PMID:31454045", "DOI:10.1200/JCO.19.03316");
    // The newer record says nothing of who may take part or what it measures: the older one does.
    assertThat(merged.design().eligibility())
        .isEqualTo(new Eligibility("18 Years", null, "ALL", false, null));
    assertThat(merged.design().primaryOutcomes())
        .containsExactly(new Outcome("CAPS-5 total severity", "18 weeks"));
  }

  @Test
  void followsTheConfiguredPreference() {
    Trial merged =
        new TrialMerger(List.of(IsrctnModule.REGISTRY, CtGovModule.REGISTRY))
            .merge(List.of(ctgov, isrctn));

    assertThat(merged.trialId()).isEqualTo("ISRCTN41823570");
    assertThat(merged.registry()).isEqualTo(IsrctnModule.REGISTRY);
  }

  @Test
  void returnsASingleRecordAsItIs() {
    assertThat(merger.merge(List.of(ctgov))).isSameAs(ctgov);
  }
}
