package org.mdmatrials;

import java.time.Instant;
import java.util.List;
import org.mdmatrials.core.ArmGroup;
import org.mdmatrials.core.Classification;
import org.mdmatrials.core.Eligibility;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.Outcome;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.SourceStatus;
import org.mdmatrials.core.Trial;
import org.mdmatrials.sink.TrialRow;
import org.mdmatrials.source.ctgov.CtGovModule;

/**
 * Trials for tests, with only the fields a test cares about set and the rest absent, in a shorthand
 * (varargs lists, dates as text) that the tables of trials in tests read best in.
 */
public final class TestTrial {
  private final String trialId;
  private Registry registry = CtGovModule.REGISTRY;
  private String title;
  private String officialTitle;
  private String acronym;
  private String overallStatus;
  private List<String> phases = List.of();
  private Integer enrollment;
  private PartialDate startDate;
  private PartialDate primaryCompletionDate;
  private PartialDate completionDate;
  private PartialDate lastUpdatePosted;
  private List<Outcome> primaryOutcomes = List.of();
  private Eligibility eligibility = Eligibility.NONE;
  private List<String> publications = List.of();
  private List<String> conditions = List.of();
  private List<String> keywords = List.of();
  private List<String> meshTerms = List.of();
  private List<Intervention> interventions = List.of();
  private List<ArmGroup> armGroups = List.of();
  private String summary;
  private List<String> countries = List.of();
  private boolean hasResults;
  private List<SecondaryId> secondaryIds = List.of();

  private TestTrial(String trialId) {
    this.trialId = trialId;
  }

  public static TestTrial trial(String trialId) {
    return new TestTrial(trialId);
  }

  public TestTrial registry(Registry value) {
    registry = value;
    return this;
  }

  public TestTrial title(String value) {
    title = value;
    return this;
  }

  public TestTrial officialTitle(String value) {
    officialTitle = value;
    return this;
  }

  public TestTrial acronym(String value) {
    acronym = value;
    return this;
  }

  public TestTrial status(String value) {
    overallStatus = value;
    return this;
  }

  public TestTrial phases(String... values) {
    phases = List.of(values);
    return this;
  }

  public TestTrial enrollment(Integer value) {
    enrollment = value;
    return this;
  }

  public TestTrial startDate(String value) {
    startDate = PartialDate.parse(value);
    return this;
  }

  public TestTrial primaryCompletionDate(String value) {
    primaryCompletionDate = PartialDate.parse(value);
    return this;
  }

  public TestTrial completionDate(String value) {
    completionDate = PartialDate.parse(value);
    return this;
  }

  /** Primary outcomes, each as a measure and its time frame: {@code "CAPS-5", "18 weeks", …}. */
  public TestTrial primaryOutcomes(String... measuresAndTimeFrames) {
    List<Outcome> outcomes = new java.util.ArrayList<>();
    for (int i = 0; i < measuresAndTimeFrames.length; i += 2) {
      outcomes.add(new Outcome(measuresAndTimeFrames[i], measuresAndTimeFrames[i + 1]));
    }
    primaryOutcomes = outcomes;
    return this;
  }

  public TestTrial eligibility(Eligibility value) {
    eligibility = value;
    return this;
  }

  public TestTrial publications(String... values) {
    publications = List.of(values);
    return this;
  }

  public TestTrial lastUpdatePosted(String value) {
    lastUpdatePosted = PartialDate.parse(value);
    return this;
  }

  public TestTrial conditions(String... values) {
    conditions = List.of(values);
    return this;
  }

  public TestTrial keywords(String... values) {
    keywords = List.of(values);
    return this;
  }

  public TestTrial meshTerms(String... values) {
    meshTerms = List.of(values);
    return this;
  }

  public TestTrial interventions(Intervention... values) {
    interventions = List.of(values);
    return this;
  }

  public TestTrial armGroups(ArmGroup... values) {
    armGroups = List.of(values);
    return this;
  }

  public TestTrial summary(String value) {
    summary = value;
    return this;
  }

  public TestTrial countries(String... values) {
    countries = List.of(values);
    return this;
  }

  public TestTrial hasResults(boolean value) {
    hasResults = value;
    return this;
  }

  public TestTrial secondaryIds(SecondaryId... values) {
    secondaryIds = List.of(values);
    return this;
  }

  /** The trial's row as a snapshot holds it, of one fresh record. */
  public static TrialRow row(Trial trial, Classification classification, Instant harvestedAt) {
    return new TrialRow(
        trial,
        classification,
        List.of(trial.trialId()),
        List.of(new TrialRow.Source(trial.registry(), SourceStatus.FRESH)),
        harvestedAt);
  }

  public Trial build() {
    return Trial.builder(trialId, registry)
        .url("https://clinicaltrials.gov/study/" + trialId)
        .sourceVersion("2026-11-27T09:15:02")
        .title(title)
        .officialTitle(officialTitle)
        .acronym(acronym)
        .status(overallStatus, overallStatus)
        .phases(phases)
        .studyType("INTERVENTIONAL")
        .enrollment(enrollment, enrollment == null ? null : "ACTUAL")
        .startDate(startDate)
        .primaryCompletionDate(primaryCompletionDate)
        .completionDate(completionDate)
        .lastUpdatePosted(lastUpdatePosted)
        .primaryOutcomes(primaryOutcomes)
        .eligibility(eligibility)
        .publications(publications)
        .conditions(conditions)
        .keywords(keywords)
        .conditionMeshTerms(meshTerms)
        .interventions(interventions)
        .armGroups(armGroups)
        .briefSummary(summary)
        .countries(countries)
        .hasResults(hasResults)
        .secondaryIds(secondaryIds)
        .build();
  }
}
