package org.mdmatrials.source.ctis;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.mdmatrials.core.Eligibility;
import org.mdmatrials.core.Outcome;
import org.mdmatrials.source.ctis.CtisRecordJson.TrialInformation;

/**
 * Who takes part in a CTIS trial and what it measures first: the sexes and groups of trial subjects
 * of Part I's population ("Patients", "Healthy volunteers"), and its primary end points. CTIS gives
 * age ranges as categories, not ages, and end points without a time frame of their own.
 */
final class Population {
  private Population() {}

  static Eligibility eligibility(TrialInformation information) {
    var population = information == null ? null : information.populationOfTrialSubjects();
    if (population == null) {
      return Eligibility.NONE;
    }
    List<String> groups =
        population.clinicalTrialGroups() == null
            ? List.of()
            : population.clinicalTrialGroups().stream()
                .filter(g -> g != null && g.name() != null)
                .map(g -> g.name().toLowerCase(Locale.ROOT))
                .toList();
    boolean healthy = groups.stream().anyMatch(g -> g.contains("healthy"));
    boolean patients = groups.stream().anyMatch(g -> g.contains("patient"));
    boolean onlyHealthy = healthy && groups.stream().allMatch(g -> g.contains("healthy"));
    return new Eligibility(
        null,
        null,
        sex(population.isFemaleSubjects(), population.isMaleSubjects()),
        groups.isEmpty() ? null : healthy,
        patients ? Boolean.TRUE : onlyHealthy ? Boolean.FALSE : null);
  }

  private static String sex(Boolean female, Boolean male) {
    boolean women = Boolean.TRUE.equals(female);
    boolean men = Boolean.TRUE.equals(male);
    return women && men ? "ALL" : women ? "FEMALE" : men ? "MALE" : null;
  }

  static List<Outcome> primaryEndPoints(TrialInformation information) {
    var endPoint = information == null ? null : information.endPoint();
    if (endPoint == null || endPoint.primaryEndPoints() == null) {
      return List.of();
    }
    return endPoint.primaryEndPoints().stream()
        .filter(Objects::nonNull)
        .map(CtisRecordJson.PrimaryEndPoint::endPoint)
        .filter(text -> text != null && !text.isBlank())
        .map(text -> new Outcome(text, null))
        .toList();
  }
}
