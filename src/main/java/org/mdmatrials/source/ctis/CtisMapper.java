package org.mdmatrials.source.ctis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.Trial;
import org.mdmatrials.source.MalformedRecordException;
import org.mdmatrials.source.ctis.CtisRecordJson.AuthorizedApplication;
import org.mdmatrials.source.ctis.CtisRecordJson.ClinicalTrialIdentifiers;
import org.mdmatrials.source.ctis.CtisRecordJson.PartI;
import org.mdmatrials.source.ctis.CtisRecordJson.Product;
import org.mdmatrials.source.ctis.CtisRecordJson.TrialDuration;
import org.mdmatrials.source.ctis.CtisRecordJson.TrialInformation;

/** Maps a CTIS retrieved record onto the common trial record. */
final class CtisMapper {
  private static final String TRIAL_URL =
      "https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT=";
  private static final String APPLICATION = "$.authorizedApplication";
  private static final String PART_I = APPLICATION + ".authorizedPartI";
  private static final String DURATION = PART_I + ".trialDetails.trialInformation.trialDuration";
  private static final Pattern ISO_DAY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(T.*)?");
  private static final Pattern EU_DAY = Pattern.compile("(\\d{2})/(\\d{2})/(\\d{4})");

  private CtisMapper() {}

  static Trial toTrial(CtisRecordJson record) throws MalformedRecordException {
    String ctNumber = text(record.ctNumber());
    if (ctNumber == null) {
      throw new MalformedRecordException("$.ctNumber", "a CT number", "nothing");
    }
    AuthorizedApplication application = required(record.authorizedApplication(), APPLICATION);
    PartI partI = required(application.authorizedPartI(), PART_I);
    var details = partI.trialDetails();
    ClinicalTrialIdentifiers ids = details == null ? null : details.clinicalTrialIdentifiers();
    TrialInformation information = details == null ? null : details.trialInformation();
    TrialDuration duration = information == null ? null : information.trialDuration();
    String leadSponsor = leadSponsor(partI.sponsors());
    return Trial.builder(ctNumber, CtisModule.REGISTRY)
        .url(TRIAL_URL + ctNumber)
        .title(ids == null ? null : text(ids.publicTitle()))
        .officialTitle(ids == null ? null : text(ids.fullTitle()))
        .status(
            CtisVocabulary.overallStatus(record.ctPublicStatusCode(), endedEarlyEverywhere(record)),
            registryStatus(record))
        .phases(CtisVocabulary.phases(phaseCode(information)))
        // CTIS holds clinical trials of medicinal products only.
        .studyType("INTERVENTIONAL")
        .enrollment(enrollment(partI, application.authorizedPartsII()), "ESTIMATED")
        .startDate(startDate(record, duration))
        .completionDate(completionDate(duration))
        .firstPosted(firstDecision(application.memberStatesConcerned()))
        .lastUpdatePosted(day(record.publishDate(), "$.publishDate"))
        .leadSponsor(leadSponsor)
        .collaborators(
            map(
                    partI.sponsors(),
                    s -> s.organisation() == null ? null : text(s.organisation().name()))
                .stream()
                .filter(name -> !name.equals(leadSponsor))
                .distinct()
                .toList())
        .conditions(
            map(partI.medicalConditions(), c -> text(c.medicalCondition())).stream()
                .distinct()
                .toList())
        .interventions(map(partI.products(), CtisMapper::intervention).stream().distinct().toList())
        .briefSummary(
            information == null || information.trialObjective() == null
                ? null
                : text(information.trialObjective().mainObjective()))
        .countries(
            map(application.memberStatesConcerned(), m -> text(m.mscName())).stream()
                .distinct()
                .sorted()
                .toList())
        .hasResults(hasResults(record.results()))
        .eligibility(Population.eligibility(information))
        .primaryOutcomes(Population.primaryEndPoints(information))
        .secondaryIds(SecondaryIds.of(ids, application.eudraCt(), leadSponsor))
        .build();
  }

  private static <T> T required(T value, String path) throws MalformedRecordException {
    if (value == null) {
      throw new MalformedRecordException(path, "an object", "nothing");
    }
    return value;
  }

  /** ctStatus as sent when it is a text; otherwise the portal's wording of the status code. */
  private static String registryStatus(CtisRecordJson record) {
    JsonNode status = record.ctStatus();
    if (status != null && status.isTextual() && !status.asText().isBlank()) {
      return status.asText().strip();
    }
    String label = CtisVocabulary.statusLabel(record.ctPublicStatusCode());
    if (label != null || record.ctPublicStatusCode() == null) {
      return label;
    }
    return record.ctPublicStatusCode().toString();
  }

  /** Whether every member state with events reported an early termination. */
  private static boolean endedEarlyEverywhere(CtisRecordJson record) {
    var perState = record.events() == null ? null : record.events().trialEvents();
    List<Boolean> terminated =
        map(
            perState,
            state -> map(state.events(), e -> e.notificationType()).contains("EARLY_TERMINATION"));
    return !terminated.isEmpty() && !terminated.contains(false);
  }

  private static String phaseCode(TrialInformation information) {
    return information == null || information.trialCategory() == null
        ? null
        : information.trialCategory().trialPhase();
  }

  /** Planned participants in the whole trial: in each member state, plus the rest of the world. */
  private static Integer enrollment(PartI partI, List<CtisRecordJson.PartII> partsII) {
    List<Integer> counts = new ArrayList<>(map(partsII, p -> p.recruitmentSubjectCount()));
    if (partI.rowSubjectCount() != null) {
      counts.add(partI.rowSubjectCount());
    }
    return counts.isEmpty() ? null : counts.stream().mapToInt(Integer::intValue).sum();
  }

  /** The trial's start in the EU; before it has started, the planned start of recruitment. */
  private static PartialDate startDate(CtisRecordJson record, TrialDuration duration)
      throws MalformedRecordException {
    if (record.startDateEU() != null) {
      return day(record.startDateEU(), "$.startDateEU");
    }
    return duration == null
        ? null
        : day(
            duration.estimatedRecruitmentStartDate(), DURATION + ".estimatedRecruitmentStartDate");
  }

  /** The planned end of the whole trial, or of the trial in the EU when no global end is given. */
  private static PartialDate completionDate(TrialDuration duration)
      throws MalformedRecordException {
    if (duration == null) {
      return null;
    }
    if (duration.estimatedGlobalEndDate() != null) {
      return day(duration.estimatedGlobalEndDate(), DURATION + ".estimatedGlobalEndDate");
    }
    return day(duration.estimatedEndDate(), DURATION + ".estimatedEndDate");
  }

  /** The first decision on the trial in any member state, when its information became public. */
  private static PartialDate firstDecision(List<CtisRecordJson.MemberState> states)
      throws MalformedRecordException {
    PartialDate first = null;
    for (int i = 0; states != null && i < states.size(); i++) {
      CtisRecordJson.MemberState state = states.get(i);
      String path = APPLICATION + ".memberStatesConcerned[" + i + "].firstDecisionDate";
      PartialDate decided = state == null ? null : day(state.firstDecisionDate(), path);
      if (decided != null && (first == null || decided.compareTo(first) < 0)) {
        first = decided;
      }
    }
    return first;
  }

  /** A day given as yyyy-MM-dd (possibly with a time) or as dd/MM/yyyy; null when absent. */
  static PartialDate day(String text, String path) throws MalformedRecordException {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    Matcher iso = ISO_DAY.matcher(value);
    Matcher eu = EU_DAY.matcher(value);
    String ymd = null;
    if (iso.matches()) {
      ymd = iso.group(1);
    } else if (eu.matches()) {
      ymd = eu.group(3) + "-" + eu.group(2) + "-" + eu.group(1);
    }
    try {
      if (ymd == null) {
        throw new IllegalArgumentException(value);
      }
      return PartialDate.parse(ymd);
    } catch (IllegalArgumentException e) {
      throw new MalformedRecordException(
          path, "a date as yyyy-MM-dd or dd/MM/yyyy", "\"" + value + "\"");
    }
  }

  /** The sponsor marked primary, else the first one named. */
  private static String leadSponsor(List<CtisRecordJson.Sponsor> sponsors) {
    List<CtisRecordJson.Sponsor> named =
        map(
            sponsors,
            s -> s.organisation() == null || text(s.organisation().name()) == null ? null : s);
    return named.stream()
        .filter(s -> Boolean.TRUE.equals(s.primary()))
        .findFirst()
        .or(() -> named.stream().findFirst())
        .map(s -> text(s.organisation().name()))
        .orElse(null);
  }

  /**
   * A medicinal product: its name, and as other names its active substances and the sponsor's code
   * for it, each once whatever its case.
   */
  private static Intervention intervention(Product product) {
    var dictionary = product.productDictionaryInfo();
    String name =
        Stream.of(
                text(product.productName()),
                dictionary == null ? null : text(dictionary.prodName()),
                text(product.jsonActiveSubstanceNames()))
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null);
    if (name == null) {
      return null;
    }
    List<String> others = new ArrayList<>();
    for (String other :
        Arrays.asList(
            text(product.jsonActiveSubstanceNames()),
            dictionary == null ? null : text(dictionary.activeSubstanceName()),
            dictionary == null ? null : text(dictionary.sponsorProductCode()))) {
      if (other != null
          && !other.equalsIgnoreCase(name)
          && others.stream().noneMatch(other::equalsIgnoreCase)) {
        others.add(other);
      }
    }
    return new Intervention("DRUG", name, others);
  }

  /** Whether any part of {@code results} (summary results, lay summaries, reports) holds data. */
  private static boolean hasResults(JsonNode results) {
    if (results == null || !results.isObject()) {
      return false;
    }
    for (JsonNode part : results) {
      if (!part.isNull() && !(part.isContainerNode() && part.isEmpty())) {
        return true;
      }
    }
    return false;
  }

  /** The text trimmed, or null when absent or blank. */
  static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static <T, R> List<R> map(List<T> list, Function<T, R> f) {
    if (list == null) {
      return List.of();
    }
    return list.stream().filter(Objects::nonNull).map(f).filter(Objects::nonNull).toList();
  }
}
