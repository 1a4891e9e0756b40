package org.mdmatrials;

import java.util.List;
import org.mdmatrials.core.ArmGroup;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.Trial;

/** Trials for tests, with only the fields a test cares about set; the rest absent. */
public final class TrialBuilder {
  private final String trialId;
  private Registry registry = Registry.CTGOV;
  private String title;
  private String officialTitle;
  private String acronym;
  private String overallStatus;
  private List<String> phases = List.of();
  private Integer enrollment;
  private PartialDate startDate;
  private PartialDate lastUpdatePosted;
  private List<String> conditions = List.of();
  private List<String> keywords = List.of();
  private List<String> meshTerms = List.of();
  private List<Intervention> interventions = List.of();
  private List<ArmGroup> armGroups = List.of();
  private String summary;
  private List<String> countries = List.of();
  private boolean hasResults;
  private List<SecondaryId> secondaryIds = List.of();

  private TrialBuilder(String trialId) {
    this.trialId = trialId;
  }

  public static TrialBuilder trial(String trialId) {
    return new TrialBuilder(trialId);
  }

  public TrialBuilder registry(Registry value) {
    registry = value;
    return this;
  }

  public TrialBuilder title(String value) {
    title = value;
    return this;
  }

  public TrialBuilder officialTitle(String value) {
    officialTitle = value;
    return this;
  }

  public TrialBuilder acronym(String value) {
    acronym = value;
    return this;
  }

  public TrialBuilder status(String value) {
    overallStatus = value;
    return this;
  }

  public TrialBuilder phases(String... values) {
    phases = List.of(values);
    return this;
  }

  public TrialBuilder enrollment(Integer value) {
    enrollment = value;
    return this;
  }

  public TrialBuilder startDate(String value) {
    startDate = new PartialDate(value);
    return this;
  }

  public TrialBuilder lastUpdatePosted(String value) {
    lastUpdatePosted = new PartialDate(value);
    return this;
  }

  public TrialBuilder conditions(String... values) {
    conditions = List.of(values);
    return this;
  }

  public TrialBuilder keywords(String... values) {
    keywords = List.of(values);
    return this;
  }

  public TrialBuilder meshTerms(String... values) {
    meshTerms = List.of(values);
    return this;
  }

  public TrialBuilder interventions(Intervention... values) {
    interventions = List.of(values);
    return this;
  }

  public TrialBuilder armGroups(ArmGroup... values) {
    armGroups = List.of(values);
    return this;
  }

  public TrialBuilder summary(String value) {
    summary = value;
    return this;
  }

  public TrialBuilder countries(String... values) {
    countries = List.of(values);
    return this;
  }

  public TrialBuilder hasResults(boolean value) {
    hasResults = value;
    return this;
  }

  public TrialBuilder secondaryIds(SecondaryId... values) {
    secondaryIds = List.of(values);
    return this;
  }

  public Trial build() {
    return new Trial(
        trialId,
        registry,
        "https://clinicaltrials.gov/study/" + trialId,
        title,
        officialTitle,
        acronym,
        overallStatus,
        overallStatus,
        phases,
        "INTERVENTIONAL",
        enrollment,
        enrollment == null ? null : "ACTUAL",
        startDate,
        null,
        null,
        null,
        lastUpdatePosted,
        null,
        List.of(),
        conditions,
        keywords,
        meshTerms,
        interventions,
        armGroups,
        summary,
        countries,
        hasResults,
        secondaryIds,
        "2026-11-27T09:15:02");
  }
}
