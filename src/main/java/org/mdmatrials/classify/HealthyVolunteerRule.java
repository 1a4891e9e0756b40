package org.mdmatrials.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.classify.CategoryRules.Field;
import org.mdmatrials.classify.CategoryRules.HealthyVolunteers;
import org.mdmatrials.classify.Classifier.TermGroup;
import org.mdmatrials.classify.Classifier.Text;
import org.mdmatrials.core.CategoryMatch.Evidence;
import org.mdmatrials.core.Eligibility;
import org.mdmatrials.core.Trial;

/**
 * Tells a trial of healthy volunteers only, which is OTHER whatever its conditions name: sponsors
 * list the indication a drug is meant for, so a first-in-human study "in healthy adult volunteers"
 * may give PTSD as its condition without being a PTSD trial. A trial of patients that also takes
 * healthy controls keeps its categories.
 *
 * <p>The registry's word decides where it says both whether healthy volunteers and whether patients
 * take part; where it says only the first (ClinicalTrials.gov), the trial must accept healthy
 * volunteers and its texts must say it is of them ({@code healthy-volunteers} in
 * config/categories.yaml).
 */
final class HealthyVolunteerRule {
  private static final Evidence RULE = new Evidence("rule", "only healthy volunteers");

  private final List<Field> fields;
  private final @Nullable TermGroup terms;
  private final @Nullable TermGroup unless;

  private HealthyVolunteerRule(
      List<Field> fields, @Nullable TermGroup terms, @Nullable TermGroup unless) {
    this.fields = fields;
    this.terms = terms;
    this.unless = unless;
  }

  static HealthyVolunteerRule of(HealthyVolunteers rule) {
    return new HealthyVolunteerRule(
        Classifier.CompiledRule.ordered(rule.fields()),
        rule.terms().isEmpty() ? null : TermGroup.of(rule.terms()),
        rule.unless().isEmpty() ? null : TermGroup.of(rule.unless()));
  }

  /** What shows that only healthy volunteers take part, if anything does. */
  Optional<List<Evidence>> evidence(Trial trial, Map<Field, List<Text>> texts) {
    Eligibility eligibility = trial.design().eligibility();
    if (!Boolean.TRUE.equals(eligibility.healthyVolunteers())) {
      return Optional.empty();
    }
    if (eligibility.patients() != null) {
      return eligibility.onlyHealthyVolunteers()
          ? Optional.of(List.of(RULE, new Evidence("registry", "healthy volunteers, no patients")))
          : Optional.empty();
    }
    if (terms == null) {
      return Optional.empty();
    }
    List<Evidence> found = Classifier.find(terms, fields, texts);
    if (found.isEmpty() || (unless != null && !Classifier.find(unless, fields, texts).isEmpty())) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(RULE);
    evidence.add(new Evidence("registry", "accepts healthy volunteers"));
    evidence.addAll(found);
    return Optional.of(evidence);
  }
}
