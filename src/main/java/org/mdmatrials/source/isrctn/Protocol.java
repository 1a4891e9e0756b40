package org.mdmatrials.source.isrctn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mdmatrials.core.Eligibility;
import org.mdmatrials.core.Outcome;
import org.mdmatrials.core.TrialBuilder;

/**
 * What an ISRCTN record says of the trial's design, who may take part and its primary outcomes, in
 * ClinicalTrials.gov's words where ISRCTN's have an equivalent and as given otherwise. Records
 * entered since the 2025 form give these as structured fields ({@code interventionalTrialDesign},
 * {@code primaryOutcomes/outcomeMeasure}, {@code healthyVolunteersAllowed}); older records as free
 * text and lists of types.
 */
final class Protocol {
  private static final Map<String, String> PURPOSES =
      Map.of(
          "treatment", "TREATMENT",
          "prevention", "PREVENTION",
          "diagnostic", "DIAGNOSTIC",
          "screening", "SCREENING",
          "supportive care", "SUPPORTIVE_CARE",
          "basic science", "BASIC_SCIENCE",
          "health services research", "HEALTH_SERVICES_RESEARCH");
  private static final Map<String, String> SEXES =
      Map.of("all", "ALL", "female", "FEMALE", "male", "MALE");

  private Protocol() {}

  static TrialBuilder set(TrialBuilder trial, XmlElement record) {
    XmlElement design = section(record, "trialDesign");
    XmlElement interventional = section(design, "interventionalTrialDesign");
    return trial
        .allocation(
            allocation(
                first(interventional.text("allocation"), design.text("secondaryStudyDesign"))))
        .masking(masking(interventional.text("masking")))
        .primaryPurpose(purpose(interventional, design))
        .eligibility(eligibility(section(record, "participants")))
        .primaryOutcomes(primaryOutcomes(section(record, "trialDescription")));
  }

  /**
   * RANDOMIZED or NON_RANDOMIZED when the allocation (or, in older records, the secondary design
   * such as "Randomised controlled trial") says which, NA when it is not applicable; else as given.
   */
  private static String allocation(String text) {
    if (text == null) {
      return null;
    }
    String words = text.toLowerCase(Locale.ROOT);
    if (words.equals("not applicable")) {
      return "NA";
    }
    if (words.contains("non random") || words.contains("non-random")) {
      return "NON_RANDOMIZED";
    }
    return words.contains("randomi") ? "RANDOMIZED" : text;
  }

  /** NONE for an open trial ("Open (masking not used)"); a blinded trial's masking as given. */
  private static String masking(String text) {
    if (text == null) {
      return null;
    }
    String words = text.toLowerCase(Locale.ROOT);
    return words.startsWith("open") || words.contains("not used") ? "NONE" : text;
  }

  /**
   * The purposes; in older records, which have none, the trial types that are purposes (Treatment,
   * Prevention …; not Efficacy, Safety or Quality of life).
   */
  private static String purpose(XmlElement interventional, XmlElement design) {
    List<String> purposes = interventional.texts("purposes", "purpose");
    List<String> mapped = new ArrayList<>();
    if (!purposes.isEmpty()) {
      purposes.forEach(p -> mapped.add(PURPOSES.getOrDefault(p.toLowerCase(Locale.ROOT), p)));
    } else {
      design.texts("trialTypes", "trialType").stream()
          .map(t -> PURPOSES.get(t.toLowerCase(Locale.ROOT)))
          .filter(Objects::nonNull)
          .forEach(mapped::add);
    }
    List<String> distinct = mapped.stream().distinct().toList();
    return distinct.isEmpty() ? null : String.join("; ", distinct);
  }

  /**
   * The ages and sex as given (sex in capitals), whether healthy volunteers are allowed (the field,
   * else a participant type "Healthy volunteer"), and whether patients are (a participant type
   * "Patient"; no patients when every participant type is "Healthy volunteer").
   */
  private static Eligibility eligibility(XmlElement participants) {
    List<String> types =
        participants.texts("participantTypes", "participantType").stream()
            .map(t -> t.toLowerCase(Locale.ROOT))
            .toList();
    String allowed = participants.text("healthyVolunteersAllowed");
    Boolean healthy =
        allowed != null
            ? Boolean.valueOf(allowed.equalsIgnoreCase("true"))
            : types.isEmpty() ? null : Boolean.valueOf(types.contains("healthy volunteer"));
    boolean onlyHealthy = !types.isEmpty() && types.stream().allMatch("healthy volunteer"::equals);
    Boolean patients =
        types.contains("patient") ? Boolean.TRUE : onlyHealthy ? Boolean.FALSE : null;
    String gender = participants.text("gender");
    return new Eligibility(
        participants.text("lowerAgeLimit"),
        participants.text("upperAgeLimit"),
        gender == null ? null : SEXES.getOrDefault(gender.toLowerCase(Locale.ROOT), gender),
        healthy,
        patients);
  }

  /**
   * Each structured primary outcome (its variable, measured at its timepoints); in older records
   * the primary outcome's text, as one outcome.
   */
  private static List<Outcome> primaryOutcomes(XmlElement description) {
    List<Outcome> outcomes = new ArrayList<>();
    for (XmlElement measure : description.all("primaryOutcomes", "outcomeMeasure")) {
      String variable = measure.text("variable");
      if (variable != null) {
        outcomes.add(new Outcome(variable, measure.text("timepoints")));
      }
    }
    String text = description.text("primaryOutcome");
    if (outcomes.isEmpty() && text != null) {
      outcomes.add(new Outcome(text, null));
    }
    return outcomes;
  }

  private static XmlElement section(XmlElement parent, String name) {
    XmlElement section = parent.child(name);
    return section != null ? section : XmlElement.empty(name);
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }
}
