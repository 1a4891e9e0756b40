package org.mdmatrials.core;

import java.util.List;
import java.util.Objects;

/**
 * One trial as registered, mapped from its registry's own format onto the fields every registry
 * shares. Text is as the registry gave it; absent values are null and absent lists are empty.
 *
 * <p>{@code overallStatus} is in ClinicalTrials.gov's vocabulary (RECRUITING, COMPLETED …) for
 * every registry; {@code registryStatus} is the registry's own wording, kept beside it. {@code
 * phases} likewise use ClinicalTrials.gov's names (EARLY_PHASE1, PHASE1 … PHASE4, NA).
 */
public record Trial(
    String trialId,
    Registry registry,
    String url,
    String title,
    String officialTitle,
    String acronym,
    String overallStatus,
    String registryStatus,
    List<String> phases,
    String studyType,
    Integer enrollment,
    String enrollmentType,
    PartialDate startDate,
    PartialDate primaryCompletionDate,
    PartialDate completionDate,
    PartialDate firstPosted,
    PartialDate lastUpdatePosted,
    String leadSponsor,
    List<String> collaborators,
    List<String> conditions,
    List<String> keywords,
    List<String> conditionMeshTerms,
    List<Intervention> interventions,
    List<ArmGroup> armGroups,
    String briefSummary,
    List<String> countries,
    boolean hasResults,
    List<SecondaryId> secondaryIds,
    String sourceVersion) {

  public Trial {
    if (trialId == null || trialId.isBlank()) {
      throw new IllegalArgumentException("Expected a trial id but was empty");
    }
    Objects.requireNonNull(registry, "registry");
    phases = Lists.copy(phases);
    collaborators = Lists.copy(collaborators);
    conditions = Lists.copy(conditions);
    keywords = Lists.copy(keywords);
    conditionMeshTerms = Lists.copy(conditionMeshTerms);
    interventions = Lists.copy(interventions);
    armGroups = Lists.copy(armGroups);
    countries = Lists.copy(countries);
    secondaryIds = Lists.copy(secondaryIds);
  }
}
