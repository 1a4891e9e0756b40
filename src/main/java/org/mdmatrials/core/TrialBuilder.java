package org.mdmatrials.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Trial} one named fact at a time, so that a registry's mapper reads as the list of
 * facts it gives; whatever it does not set is absent.
 */
public final class TrialBuilder {
  private final String trialId;
  private final Registry registry;
  private @Nullable String url;
  private @Nullable String sourceVersion;
  private @Nullable String title;
  private @Nullable String officialTitle;
  private @Nullable String acronym;
  private @Nullable String overallStatus;
  private @Nullable String registryStatus;
  private @Nullable String whyStopped;
  private @Nullable PartialDate statusVerified;
  private @Nullable PartialDate startDate;
  private @Nullable PartialDate primaryCompletionDate;
  private @Nullable PartialDate completionDate;
  private @Nullable PartialDate firstPosted;
  private @Nullable PartialDate lastUpdatePosted;
  private @Nullable String studyType;
  private List<String> phases = List.of();
  private @Nullable Integer enrollment;
  private @Nullable String enrollmentType;
  private @Nullable String allocation;
  private @Nullable String masking;
  private @Nullable String primaryPurpose;
  private Eligibility eligibility = Eligibility.NONE;
  private List<Outcome> primaryOutcomes = List.of();
  private @Nullable String leadSponsor;
  private List<String> collaborators = List.of();
  private List<String> conditions = List.of();
  private List<String> keywords = List.of();
  private List<String> conditionMeshTerms = List.of();
  private @Nullable String briefSummary;
  private List<Intervention> interventions = List.of();
  private List<ArmGroup> armGroups = List.of();
  private List<String> countries = List.of();
  private boolean hasResults;
  private @Nullable PartialDate resultsFirstPosted;
  private List<String> publications = List.of();
  private List<SecondaryId> secondaryIds = List.of();

  TrialBuilder(String trialId, Registry registry) {
    this.trialId = trialId;
    this.registry = registry;
  }

  public TrialBuilder url(@Nullable String value) {
    url = value;
    return this;
  }

  public TrialBuilder sourceVersion(@Nullable String value) {
    sourceVersion = value;
    return this;
  }

  public TrialBuilder title(@Nullable String value) {
    title = value;
    return this;
  }

  public TrialBuilder officialTitle(@Nullable String value) {
    officialTitle = value;
    return this;
  }

  public TrialBuilder acronym(@Nullable String value) {
    acronym = value;
    return this;
  }

  /** The status in ClinicalTrials.gov's vocabulary, and the registry's own wording of it. */
  public TrialBuilder status(@Nullable String overall, @Nullable String registryWording) {
    overallStatus = overall;
    registryStatus = registryWording;
    return this;
  }

  /** Why the trial stopped early, in the registry's words. */
  public TrialBuilder whyStopped(@Nullable String value) {
    whyStopped = value;
    return this;
  }

  /** When the registry last confirmed the status. */
  public TrialBuilder statusVerified(@Nullable PartialDate value) {
    statusVerified = value;
    return this;
  }

  public TrialBuilder startDate(@Nullable PartialDate value) {
    startDate = value;
    return this;
  }

  public TrialBuilder primaryCompletionDate(@Nullable PartialDate value) {
    primaryCompletionDate = value;
    return this;
  }

  public TrialBuilder completionDate(@Nullable PartialDate value) {
    completionDate = value;
    return this;
  }

  public TrialBuilder firstPosted(@Nullable PartialDate value) {
    firstPosted = value;
    return this;
  }

  public TrialBuilder lastUpdatePosted(@Nullable PartialDate value) {
    lastUpdatePosted = value;
    return this;
  }

  public TrialBuilder studyType(@Nullable String value) {
    studyType = value;
    return this;
  }

  public TrialBuilder phases(List<String> values) {
    phases = values;
    return this;
  }

  /** How many take part, and whether that is the ACTUAL or an ESTIMATED number. */
  public TrialBuilder enrollment(@Nullable Integer count, @Nullable String type) {
    enrollment = count;
    enrollmentType = type;
    return this;
  }

  /** RANDOMIZED, NON_RANDOMIZED or NA (one group), or the registry's own words. */
  public TrialBuilder allocation(@Nullable String value) {
    allocation = value;
    return this;
  }

  /** NONE (open label), SINGLE, DOUBLE, TRIPLE or QUADRUPLE, or the registry's own words. */
  public TrialBuilder masking(@Nullable String value) {
    masking = value;
    return this;
  }

  /** TREATMENT, PREVENTION, BASIC_SCIENCE …, or the registry's own words. */
  public TrialBuilder primaryPurpose(@Nullable String value) {
    primaryPurpose = value;
    return this;
  }

  public TrialBuilder eligibility(Eligibility value) {
    eligibility = value;
    return this;
  }

  public TrialBuilder primaryOutcomes(List<Outcome> values) {
    primaryOutcomes = values;
    return this;
  }

  public TrialBuilder leadSponsor(@Nullable String value) {
    leadSponsor = value;
    return this;
  }

  public TrialBuilder collaborators(List<String> values) {
    collaborators = values;
    return this;
  }

  public TrialBuilder conditions(List<String> values) {
    conditions = values;
    return this;
  }

  public TrialBuilder keywords(List<String> values) {
    keywords = values;
    return this;
  }

  public TrialBuilder conditionMeshTerms(List<String> values) {
    conditionMeshTerms = values;
    return this;
  }

  public TrialBuilder briefSummary(@Nullable String value) {
    briefSummary = value;
    return this;
  }

  public TrialBuilder interventions(List<Intervention> values) {
    interventions = values;
    return this;
  }

  public TrialBuilder armGroups(List<ArmGroup> values) {
    armGroups = values;
    return this;
  }

  public TrialBuilder countries(List<String> values) {
    countries = values;
    return this;
  }

  public TrialBuilder hasResults(boolean value) {
    hasResults = value;
    return this;
  }

  /** When the registry first posted results. */
  public TrialBuilder resultsFirstPosted(@Nullable PartialDate value) {
    resultsFirstPosted = value;
    return this;
  }

  /** The results publications the registry links, as {@code PMID:…} or {@code DOI:…}. */
  public TrialBuilder publications(List<String> values) {
    publications = values;
    return this;
  }

  public TrialBuilder secondaryIds(List<SecondaryId> values) {
    secondaryIds = values;
    return this;
  }

  public Trial build() {
    return new Trial(
        trialId,
        new Trial.Origin(registry, url, sourceVersion),
        new Trial.Titles(title, officialTitle, acronym),
        new Trial.Status(overallStatus, registryStatus, whyStopped, statusVerified),
        new Trial.Dates(
            startDate, primaryCompletionDate, completionDate, firstPosted, lastUpdatePosted),
        new Trial.Design(
            studyType,
            phases,
            enrollment,
            enrollmentType,
            allocation,
            masking,
            primaryPurpose,
            eligibility,
            primaryOutcomes),
        new Trial.Sponsors(leadSponsor, collaborators),
        new Trial.Topic(conditions, keywords, conditionMeshTerms, briefSummary),
        new Trial.Arms(interventions, armGroups),
        countries,
        new Trial.Results(hasResults, resultsFirstPosted, publications),
        secondaryIds);
  }
}
