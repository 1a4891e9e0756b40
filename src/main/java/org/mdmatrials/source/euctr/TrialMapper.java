package org.mdmatrials.source.euctr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.regex.Pattern;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.Trial;
import org.mdmatrials.source.MalformedRecordException;

/**
 * Collapses the member-state records of one EudraCT number into one trial. The register keeps a
 * record per member state, and they need not agree (titles, criteria and sizes are amended state by
 * state), so: a single value (titles, lead sponsor, objective, planned size) comes from the first
 * record, in the order served, that gives it; lists (conditions, interventions, collaborators,
 * identifiers, phases) are the union over all records; dates take the earliest first entry and the
 * latest global end; statuses are kept state by state.
 */
final class TrialMapper {
  private static final String SEARCH_URL =
      "https://www.clinicaltrialsregister.eu/ctr-search/search?query=eudract_number:";
  private static final Pattern EUDRACT_NUMBER = Pattern.compile("\\d{4}-\\d{6}-\\d{2}");
  private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,9}");
  private static final Map<Field, String> PHASES =
      Map.of(
          Field.PHASE_1, "PHASE1",
          Field.PHASE_2, "PHASE2",
          Field.PHASE_3, "PHASE3",
          Field.PHASE_4, "PHASE4");
  private static final Map<Field, String> IDENTIFIERS =
      Map.of(
          Field.SUMMARY_PROTOCOL_CODE, "SPONSOR_PROTOCOL",
          Field.PROTOCOL_CODE, "SPONSOR_PROTOCOL",
          Field.ISRCTN, "ISRCTN",
          Field.NCT, "NCT",
          Field.WHO_UTRN, "WHO_UTRN",
          Field.OTHER_IDENTIFIERS, "OTHER");

  private TrialMapper() {}

  static Trial toTrial(String eudractNumber, List<NationalRecord> records)
      throws MalformedRecordException {
    if (!EUDRACT_NUMBER.matcher(eudractNumber).matches()) {
      throw new MalformedRecordException(
          path(records.get(0).first(Field.EUDRACT_NUMBER)),
          "an EudraCT number such as 2022-002568-62",
          "\"" + eudractNumber + "\"");
    }
    Integer enrollment = enrollment(records);
    String leadSponsor = first(records, Field.SPONSOR_NAME);
    return Protocol.set(Trial.builder(eudractNumber, EuCtrModule.REGISTRY), records)
        .url(SEARCH_URL + eudractNumber)
        .title(first(records, Field.LAY_TITLE))
        .officialTitle(first(records, Field.FULL_TITLE))
        .acronym(first(records, Field.ABBREVIATED_TITLE))
        .status(
            NationalStatus.overall(records.stream().map(NationalRecord::status).toList()),
            registryStatus(records))
        .phases(phases(records))
        // The register holds clinical trials of medicinal products only.
        .studyType("INTERVENTIONAL")
        .enrollment(enrollment, enrollment == null ? null : "ESTIMATED")
        .completionDate(date(records, Field.GLOBAL_END_DATE, TrialMapper::later))
        .firstPosted(date(records, Field.FIRST_ENTERED, TrialMapper::earlier))
        .leadSponsor(leadSponsor)
        .collaborators(collaborators(records, leadSponsor))
        .conditions(union(records, Field.CONDITION, Field.LAY_CONDITION))
        // The MedDRA terms the condition is coded with are the record's only keywords.
        .keywords(union(records, Field.MEDDRA_TERM))
        .interventions(InterventionMapper.interventions(records))
        // No plain-language summary exists; the main objective is the nearest text.
        .briefSummary(first(records, Field.MAIN_OBJECTIVE))
        .countries(countries(records))
        // Results are published apart, and the protocol download does not say whether there are
        // any.
        .hasResults(false)
        .secondaryIds(secondaryIds(records))
        .build();
  }

  private static String first(List<NationalRecord> records, Field field) {
    return records.stream()
        .map(r -> r.text(field))
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  /** Distinct values of the fields, all of the first field's before the next's. */
  private static List<String> union(List<NationalRecord> records, Field... fields) {
    Set<String> values = new LinkedHashSet<>();
    for (Field field : fields) {
      records.forEach(r -> r.all(field).forEach(v -> values.add(v.text())));
    }
    return List.copyOf(values);
  }

  /** {@code ES: Ongoing; SE: Completed}, each member state's code (or name) and status once. */
  private static String registryStatus(List<NationalRecord> records) {
    Set<String> statuses = new LinkedHashSet<>();
    for (NationalRecord record : records) {
      String where = record.countryCode() != null ? record.countryCode() : record.memberState();
      if (record.status() != null) {
        statuses.add(where == null ? record.status() : where + ": " + record.status());
      }
    }
    return statuses.isEmpty() ? null : String.join("; ", statuses);
  }

  private static List<String> phases(List<NationalRecord> records) {
    return PHASES.keySet().stream()
        .filter(f -> records.stream().anyMatch(r -> r.yes(f)))
        .map(PHASES::get)
        .sorted()
        .toList();
  }

  /**
   * The planned number of subjects in the whole trial (F.4.2.2); for a trial in one member state
   * only, which may leave F.4.2 empty, the planned number in that state (F.4.1).
   */
  private static Integer enrollment(List<NationalRecord> records) throws MalformedRecordException {
    NationalRecord.Value whole = firstValue(records, Field.SUBJECTS_IN_WHOLE_TRIAL);
    if (whole == null && countries(records).size() == 1) {
      whole = firstValue(records, Field.SUBJECTS_IN_MEMBER_STATE);
    }
    if (whole == null) {
      return null;
    }
    if (!WHOLE_NUMBER.matcher(whole.text()).matches()) {
      throw new MalformedRecordException(
          path(whole), "a whole number", "\"" + shorten(whole.text()) + "\"");
    }
    return Integer.valueOf(whole.text());
  }

  private static NationalRecord.Value firstValue(List<NationalRecord> records, Field field) {
    return records.stream()
        .map(r -> r.first(field))
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  /** The field's date over all records, {@code pick} choosing between two; each must be a date. */
  private static PartialDate date(
      List<NationalRecord> records, Field field, BinaryOperator<PartialDate> pick)
      throws MalformedRecordException {
    PartialDate picked = null;
    for (NationalRecord record : records) {
      for (NationalRecord.Value value : record.all(field)) {
        PartialDate date;
        try {
          date = PartialDate.parse(value.text());
        } catch (IllegalArgumentException e) {
          throw new MalformedRecordException(
              path(value),
              "a date as yyyy, yyyy-MM or yyyy-MM-dd",
              "\"" + shorten(value.text()) + "\"");
        }
        picked = picked == null ? date : pick.apply(picked, date);
      }
    }
    return picked;
  }

  // ISO dates of any precision order as text; a year sorts before the days within it.
  private static PartialDate earlier(PartialDate a, PartialDate b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static PartialDate later(PartialDate a, PartialDate b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * Every other sponsor (B.1.1) and organisation giving support (B.4.1) of any record, once each:
   * names that differ only in case, spaces or punctuation ({@code AB Science}, {@code ABScience})
   * count as one, and the lead sponsor is left out.
   */
  private static List<String> collaborators(List<NationalRecord> records, String leadSponsor) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (Field field : List.of(Field.SPONSOR_NAME, Field.SUPPORT_ORGANISATION)) {
      records.forEach(
          r -> r.all(field).forEach(v -> byKey.putIfAbsent(nameKey(v.text()), v.text())));
    }
    if (leadSponsor != null) {
      byKey.remove(nameKey(leadSponsor));
    }
    return List.copyOf(byKey.values());
  }

  private static String nameKey(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /** The member states, by name, once each and sorted. */
  private static List<String> countries(List<NationalRecord> records) {
    return records.stream()
        .map(NationalRecord::memberState)
        .filter(Objects::nonNull)
        .distinct()
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  /** The NCT, ISRCTN, WHO and other numbers of A.5, and the sponsor's protocol code, once each. */
  private static List<SecondaryId> secondaryIds(List<NationalRecord> records) {
    Map<String, SecondaryId> ids = new LinkedHashMap<>();
    for (NationalRecord record : records) {
      for (NationalRecord.Value value : record.values()) {
        String type = IDENTIFIERS.get(value.field());
        if (type != null) {
          ids.putIfAbsent(type + " " + value.text(), new SecondaryId(type, value.text(), null));
        }
      }
    }
    return new ArrayList<>(ids.values());
  }

  /** Where a value is: its line within the page and its label. */
  static String path(NationalRecord.Value value) {
    return value == null ? "the record" : "line " + value.line() + " (" + value.label() + ")";
  }

  private static String shorten(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "…";
  }
}
