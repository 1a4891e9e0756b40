package org.mdmatrials.core;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One trial as registered, mapped from its registry's own format onto the facts every registry
 * shares, grouped as a registry groups them. Text is as the registry gave it; a fact the registry
 * does not give is null, and a list it does not give is empty. Build one with {@link #builder}.
 *
 * <p>Statuses are in ClinicalTrials.gov's vocabulary (RECRUITING, COMPLETED …) for every registry,
 * with the registry's own wording kept beside them; phases likewise use ClinicalTrials.gov's names
 * (EARLY_PHASE1, PHASE1 … PHASE4, NA).
 */
public record Trial(
    String trialId,
    Origin origin,
    Titles titles,
    Status status,
    Dates dates,
    Design design,
    Sponsors sponsors,
    Topic topic,
    Arms arms,
    List<String> countries,
    Results results,
    List<SecondaryId> secondaryIds) {

  public Trial {
    if (trialId.isBlank()) {
      throw new IllegalArgumentException("Expected a trial id but was empty");
    }
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(titles, "titles");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(dates, "dates");
    Objects.requireNonNull(design, "design");
    Objects.requireNonNull(sponsors, "sponsors");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(arms, "arms");
    countries = Lists.copy(countries);
    Objects.requireNonNull(results, "results");
    secondaryIds = Lists.copy(secondaryIds);
  }

  /** A trial with the id {@code trialId} in {@code registry}; every other fact absent until set. */
  public static TrialBuilder builder(String trialId, Registry registry) {
    return new TrialBuilder(trialId, registry);
  }

  public Registry registry() {
    return origin.registry();
  }

  /**
   * Where the record comes from: its registry, its page there, and the registry's version of its
   * data as a whole, where it gives one.
   */
  public record Origin(Registry registry, @Nullable String url, @Nullable String sourceVersion) {
    public Origin {
      Objects.requireNonNull(registry, "registry");
    }
  }

  /** The brief (public) title, the official (scientific) one, and the acronym. */
  public record Titles(
      @Nullable String title, @Nullable String officialTitle, @Nullable String acronym) {}

  /**
   * The overall status, the registry's own wording of it, why the trial stopped early (if it did),
   * and when the registry last confirmed the status.
   */
  public record Status(
      @Nullable String overallStatus,
      @Nullable String registryStatus,
      @Nullable String whyStopped,
      @Nullable PartialDate statusVerified) {}

  /** When the trial started, ends, was first posted and last updated. */
  public record Dates(
      @Nullable PartialDate startDate,
      @Nullable PartialDate primaryCompletionDate,
      @Nullable PartialDate completionDate,
      @Nullable PartialDate firstPosted,
      @Nullable PartialDate lastUpdatePosted) {}

  /**
   * The kind of study, its phases, how many take part (actual or estimated), how they are allocated
   * and masked and to what end (in ClinicalTrials.gov's words where the registry's have an
   * equivalent), who may take part, and the primary outcomes.
   */
  public record Design(
      @Nullable String studyType,
      List<String> phases,
      @Nullable Integer enrollment,
      @Nullable String enrollmentType,
      @Nullable String allocation,
      @Nullable String masking,
      @Nullable String primaryPurpose,
      Eligibility eligibility,
      List<Outcome> primaryOutcomes) {
    public Design {
      phases = Lists.copy(phases);
      Objects.requireNonNull(eligibility, "eligibility");
      primaryOutcomes = Lists.copy(primaryOutcomes);
    }
  }

  /** The lead sponsor and the other organisations that sponsor or support the trial. */
  public record Sponsors(@Nullable String leadSponsor, List<String> collaborators) {
    public Sponsors {
      collaborators = Lists.copy(collaborators);
    }
  }

  /** What the trial is about: its conditions, keywords, MeSH condition terms, and summary. */
  public record Topic(
      List<String> conditions,
      List<String> keywords,
      List<String> conditionMeshTerms,
      @Nullable String briefSummary) {
    public Topic {
      conditions = Lists.copy(conditions);
      keywords = Lists.copy(keywords);
      conditionMeshTerms = Lists.copy(conditionMeshTerms);
    }
  }

  /** What the trial gives its participants: the interventions, and the arms receiving them. */
  public record Arms(List<Intervention> interventions, List<ArmGroup> armGroups) {
    public Arms {
      interventions = Lists.copy(interventions);
      armGroups = Lists.copy(armGroups);
    }
  }

  /**
   * What is out of the trial's results: whether the registry holds results and since when, and the
   * results publications it links ({@code PMID:31454045}, {@code DOI:10.1200/JCO.19.03316}, or a
   * link or citation the registry gives without either).
   */
  public record Results(
      boolean hasResults, @Nullable PartialDate resultsFirstPosted, List<String> publications) {
    public Results {
      publications = Lists.copy(publications);
    }
  }
}
