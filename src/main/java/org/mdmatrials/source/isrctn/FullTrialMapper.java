package org.mdmatrials.source.isrctn;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.Trial;
import org.mdmatrials.core.TrialBuilder;
import org.mdmatrials.source.MalformedRecordException;

/**
 * Maps one ISRCTN {@code fullTrial} element onto the common trial record. Paths in errors are
 * relative to the {@code fullTrial} element ({@code trial/participants/recruitmentStart}).
 */
final class FullTrialMapper {
  private static final String TRIAL_URL = "https://www.isrctn.com/";
  private static final Pattern ISRCTN = Pattern.compile("ISRCTN\\d{8}");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** ISRCTN's intervention types with a ClinicalTrials.gov equivalent; others stay as given. */
  private static final Map<String, String> INTERVENTION_TYPES =
      Map.of(
          "drug", "DRUG",
          "device", "DEVICE",
          "biological/vaccine", "BIOLOGICAL",
          "procedure/surgery", "PROCEDURE",
          "behavioural", "BEHAVIORAL",
          "genetic", "GENETIC",
          "supplement", "DIETARY_SUPPLEMENT",
          "other", "OTHER");

  private FullTrialMapper() {}

  /** The trial's id as the record gives it, checked or not, for naming a record that is skipped. */
  static String idOrNull(XmlElement fullTrial) {
    XmlElement trial = fullTrial.child("trial");
    if (trial == null) {
      return null;
    }
    String canonical = trial.attribute("publicIdentifierCanonical");
    String number = trial.text("isrctn");
    return canonical != null ? canonical : number == null ? null : "ISRCTN" + number;
  }

  /**
   * @param today the day the recruitment dates are compared with, for the status
   */
  static Trial toTrial(XmlElement fullTrial, LocalDate today) throws MalformedRecordException {
    XmlElement trial = fullTrial.child("trial");
    if (trial == null) {
      throw new MalformedRecordException("trial", "a <trial> element", "none");
    }
    String id = trialId(trial);
    XmlElement description = section(trial, "trialDescription");
    XmlElement design = section(trial, "trialDesign");
    XmlElement participants = section(trial, "participants");
    LocalDate recruitmentStart = day(participants, "recruitmentStart", "trial/participants");
    LocalDate recruitmentEnd = day(participants, "recruitmentEnd", "trial/participants");
    LocalDate overallEnd = day(design, "overallEndDate", "trial/trialDesign");
    TrialStatus status =
        TrialStatus.derive(
            Stream.of(
                    design.text("overallStatusOverride"),
                    participants.text("recruitmentStatusOverride"),
                    participants.text("recruitmentStartStatusOverride"))
                .filter(Objects::nonNull)
                .toList(),
            recruitmentStart,
            recruitmentEnd,
            overallEnd,
            today);
    Enrolment enrolment = Enrolment.of(participants);
    Parties parties = Parties.of(fullTrial, section(trial, "parties"));
    // ISRCTN has no primary completion date (its recruitment end is another thing), and
    // publishes no version of its data as a whole.
    TrialBuilder built = Protocol.set(Trial.builder(id, IsrctnModule.REGISTRY), trial);
    return Outputs.set(built, trial)
        .url(TRIAL_URL + id)
        .title(description.text("title"))
        .officialTitle(description.text("scientificTitle"))
        .acronym(description.text("acronym"))
        .status(status.overall(), status.registry())
        .phases(phases(trial))
        .studyType(studyType(design.text("primaryStudyDesign")))
        .enrollment(enrolment.count(), enrolment.type())
        .startDate(partial(recruitmentStart))
        .completionDate(partial(overallEnd))
        .firstPosted(partial(firstPosted(trial)))
        .lastUpdatePosted(partial(lastUpdated(trial)))
        .leadSponsor(parties.leadSponsor())
        .collaborators(parties.collaborators())
        .conditions(trial.texts("conditions", "condition", "description"))
        .keywords(diseaseClasses(trial))
        .interventions(interventions(trial))
        .briefSummary(description.text("plainEnglishSummary"))
        .countries(countries(participants))
        .secondaryIds(ExternalRefs.secondaryIds(section(trial, "externalRefs")))
        .build();
  }

  private static String trialId(XmlElement trial) throws MalformedRecordException {
    String canonical = trial.attribute("publicIdentifierCanonical");
    if (canonical != null) {
      if (!ISRCTN.matcher(canonical).matches()) {
        throw new MalformedRecordException(
            "trial/@publicIdentifierCanonical",
            "an ISRCTN such as ISRCTN12345678",
            "\"" + canonical + "\"");
      }
      return canonical;
    }
    String number = trial.text("isrctn");
    if (number == null) {
      throw new MalformedRecordException("trial/isrctn", "an ISRCTN number", "none");
    }
    if (!ISRCTN.matcher("ISRCTN" + number).matches()) {
      throw new MalformedRecordException(
          "trial/isrctn", "an ISRCTN number of 8 digits", "\"" + number + "\"");
    }
    return "ISRCTN" + number;
  }

  private static XmlElement section(XmlElement parent, String name) {
    XmlElement section = parent.child(name);
    return section != null ? section : XmlElement.empty(name);
  }

  /** The day the registration was assigned its ISRCTN. */
  private static LocalDate firstPosted(XmlElement trial) throws MalformedRecordException {
    XmlElement isrctn = trial.child("isrctn");
    String assigned = isrctn == null ? null : isrctn.attribute("dateAssigned");
    if (assigned != null) {
      return day(assigned, "trial/isrctn/@dateAssigned");
    }
    return day(
        trial.attribute("publicIdentifierDateAssigned"), "trial/@publicIdentifierDateAssigned");
  }

  private static LocalDate lastUpdated(XmlElement trial) throws MalformedRecordException {
    return day(trial.attribute("lastUpdated"), "trial/@lastUpdated");
  }

  private static LocalDate day(XmlElement parent, String name, String parentPath)
      throws MalformedRecordException {
    return day(parent.text(name), parentPath + "/" + name);
  }

  /**
   * The day of a registry timestamp ({@code 2026-07-23T00:00:00.000Z}, midnight UTC for dates
   * entered as days), in UTC.
   */
  private static LocalDate day(String text, String path) throws MalformedRecordException {
    if (text == null) {
      return null;
    }
    try {
      return DAY.matcher(text).matches()
          ? LocalDate.parse(text)
          : Instant.parse(text).atOffset(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeParseException e) {
      throw new MalformedRecordException(
          path, "a date such as 2026-07-23T00:00:00.000Z", "\"" + text + "\"");
    }
  }

  private static PartialDate partial(LocalDate day) {
    return day == null
        ? null
        : new PartialDate(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
  }

  private static String studyType(String primaryStudyDesign) {
    if (primaryStudyDesign == null) {
      return null;
    }
    return switch (primaryStudyDesign.toLowerCase(Locale.ROOT)) {
      case "interventional" -> "INTERVENTIONAL";
      case "observational" -> "OBSERVATIONAL";
      default -> primaryStudyDesign;
    };
  }

  /** Every intervention's phases, together. */
  private static List<String> phases(XmlElement trial) throws MalformedRecordException {
    List<XmlElement> interventions = section(trial, "interventions").children("intervention");
    List<String> phases = new ArrayList<>();
    for (int i = 0; i < interventions.size(); i++) {
      String path = "trial/interventions/intervention[" + (i + 1) + "]/phase";
      phases.addAll(Phases.parse(interventions.get(i).text("phase"), path));
    }
    return Phases.sorted(phases);
  }

  /**
   * One intervention per {@code intervention} element, named by its drug names as given (not split
   * at commas: "3,4-methylenedioxymethamphetamine" holds one), or by its description when it names
   * no drug.
   */
  private static List<Intervention> interventions(XmlElement trial) {
    List<Intervention> interventions = new ArrayList<>();
    for (XmlElement intervention : trial.all("interventions", "intervention")) {
      String drugs = intervention.text("drugNames");
      String name = drugs != null ? drugs : intervention.text("description");
      String type = intervention.text("interventionType");
      if (name != null) {
        interventions.add(
            new Intervention(
                type == null
                    ? null
                    : INTERVENTION_TYPES.getOrDefault(type.toLowerCase(Locale.ROOT), type),
                name,
                List.of()));
      }
    }
    return interventions;
  }

  /**
   * ISRCTN's classification of each condition (diseaseClass1, diseaseClass2), as keywords: the
   * record has no keywords of its own, and these are not MeSH terms.
   */
  private static List<String> diseaseClasses(XmlElement trial) {
    return trial.all("conditions", "condition").stream()
        .flatMap(c -> Stream.of(c.text("diseaseClass1"), c.text("diseaseClass2")))
        .filter(Objects::nonNull)
        .distinct()
        .toList();
  }

  /** The recruitment countries and the trial centres' countries, distinct and sorted. */
  private static List<String> countries(XmlElement participants) {
    return Stream.concat(
            participants.texts("recruitmentCountries", "country").stream(),
            participants.texts("trialCentres", "trialCentre", "country").stream())
        .distinct()
        .sorted()
        .toList();
  }
}
