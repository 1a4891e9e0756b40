package org.mdmatrials.source.ctgov;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mdmatrials.core.Eligibility;
import org.mdmatrials.core.Outcome;
import org.mdmatrials.core.TrialBuilder;
import org.mdmatrials.source.Publications;

/**
 * What a study says of its design, who may take part, its primary outcomes and the publications of
 * its results, set on the trial being built.
 */
final class ProtocolFacts {
  /**
   * The references that report the trial's results: those the sponsor marked RESULT, and those NLM
   * found in PubMed by the trial's NCT number (DERIVED); not BACKGROUND.
   */
  private static final Set<String> RESULTS = Set.of("RESULT", "DERIVED");

  private ProtocolFacts() {}

  static TrialBuilder set(TrialBuilder trial, StudyJson.ProtocolSection protocol) {
    var design = protocol.designModule() == null ? null : protocol.designModule().designInfo();
    var masking = design == null ? null : design.maskingInfo();
    return trial
        .allocation(design == null ? null : design.allocation())
        .masking(masking == null ? null : masking.masking())
        .primaryPurpose(design == null ? null : design.primaryPurpose())
        .eligibility(eligibility(protocol.eligibilityModule()))
        .primaryOutcomes(primaryOutcomes(protocol.outcomesModule()))
        .publications(publications(protocol.referencesModule()));
  }

  private static Eligibility eligibility(StudyJson.EligibilityModule module) {
    if (module == null) {
      return Eligibility.NONE;
    }
    // ClinicalTrials.gov says whether healthy volunteers are accepted, not whether patients are.
    return new Eligibility(
        module.minimumAge(), module.maximumAge(), module.sex(), module.healthyVolunteers(), null);
  }

  /** Each primary outcome that names its measure; one that does not is no outcome. */
  private static List<Outcome> primaryOutcomes(StudyJson.OutcomesModule module) {
    if (module == null || module.primaryOutcomes() == null) {
      return List.of();
    }
    return module.primaryOutcomes().stream()
        .filter(o -> o != null && o.measure() != null && !o.measure().isBlank())
        .map(o -> new Outcome(o.measure(), o.timeFrame()))
        .toList();
  }

  private static List<String> publications(StudyJson.ReferencesModule module) {
    if (module == null || module.references() == null) {
      return List.of();
    }
    return module.references().stream()
        .filter(r -> r != null && RESULTS.contains(r.type()))
        .map(r -> Publications.cited(r.pmid(), r.citation()))
        .filter(Objects::nonNull)
        .distinct()
        .toList();
  }
}
