package org.mdmatrials.source.ictrp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.Registries;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.Trial;
import org.mdmatrials.source.MalformedRecordException;

/**
 * Maps one record of an export onto the common trial, field by field by the XML export's names (the
 * CSV export's columns are read under the same names). The record's registry is its {@code
 * Source_Register}'s, its id the {@code TrialID} as that registry writes it.
 */
final class RecordMapper {
  /** What ICTRP writes for ClinicalTrials.gov's source of support: no organisation. */
  private static final String REFER_TO_SPONSORS = "Please refer to primary and secondary sponsors";

  /** Secondary ids that say there is none. */
  private static final Pattern NO_ID =
      Pattern.compile("(?i)nil|nil known|none|none known|n/?a|not applicable|no|-+|0");

  private final Registries known;

  /**
   * @param known the registries a record may be of, besides those ICTRP gathers
   */
  RecordMapper(Registries known) {
    this.known = known;
  }

  /** The record's TrialID as given, or null, for naming a record left out. */
  static @Nullable String idOrNull(ExportRecord record) {
    return Texts.line(record.field("TrialID"));
  }

  /** Where a field of the record is, as a path in the XML export. */
  static String path(ExportRecord record, String field) {
    return "/"
        + XmlExport.ROOT
        + "/"
        + XmlExport.TRIAL
        + "["
        + record.position()
        + "]"
        + (field.equals("*") ? "" : "/" + field);
  }

  /**
   * @param exported the export's date and time, the data's version
   * @throws MalformedRecordException naming the field, for a record that cannot be read
   */
  Trial toTrial(ExportRecord r, @Nullable String exported) throws MalformedRecordException {
    ExportRecord.Malformed malformed = r.malformed();
    if (malformed != null) {
      throw new MalformedRecordException(
          path(r, malformed.field()), malformed.expected(), malformed.found());
    }
    String given = required(r, "TrialID");
    Registry registry = registry(r);
    String trialId = WhoRegistries.trialId(registry, given);
    String lead = Texts.line(r.field("Primary_sponsor"));
    return Trial.builder(trialId, registry)
        .url(Texts.line(r.field("web_address")))
        .sourceVersion(exported)
        .title(Texts.line(r.field("Public_title")))
        .officialTitle(Texts.line(r.field("Scientific_title")))
        .acronym(Texts.line(r.field("Acronym")))
        .status(
            Vocabulary.status(Texts.line(r.field("Recruitment_Status"))),
            Texts.line(r.field("Recruitment_Status")))
        .phases(Vocabulary.phases(Texts.line(r.field("Phase")), path(r, "Phase")))
        .studyType(Vocabulary.studyType(Texts.line(r.field("Study_type"))))
        .enrollment(targetSize(r), targetSize(r) == null ? null : "ESTIMATED")
        .startDate(Dates.parse(r.field("Date_enrollement"), path(r, "Date_enrollement")))
        .firstPosted(registered(r))
        .lastUpdatePosted(Dates.parse(r.field("Last_Refreshed_on"), path(r, "Last_Refreshed_on")))
        .leadSponsor(lead)
        .collaborators(collaborators(r, lead))
        .conditions(Texts.values(r.field("Condition")))
        .interventions(interventions(r))
        .countries(Texts.values(r.field("Countries")))
        .hasResults(hasResults(r))
        .secondaryIds(secondaryIds(r, given, trialId))
        .build();
  }

  private Registry registry(ExportRecord r) throws MalformedRecordException {
    String named = required(r, "Source_Register");
    return WhoRegistries.named(named, known)
        .orElseThrow(
            () ->
                new MalformedRecordException(
                    path(r, "Source_Register"),
                    "a registry ICTRP gathers (" + WhoRegistries.names() + ")",
                    "\"" + named + "\""));
  }

  private static String required(ExportRecord r, String field) throws MalformedRecordException {
    String value = Texts.line(r.field(field));
    if (value == null) {
      throw new MalformedRecordException(
          path(r, field), "a value", r.field(field) == null ? "none" : "an empty element");
    }
    return value;
  }

  /** {@code Date_registration3} (always yyyyMMdd), else {@code Date_registration}. */
  private static @Nullable PartialDate registered(ExportRecord r) throws MalformedRecordException {
    var compact = Dates.parse(r.field("Date_registration3"), path(r, "Date_registration3"));
    return compact != null
        ? compact
        : Dates.parse(r.field("Date_registration"), path(r, "Date_registration"));
  }

  private static @Nullable Integer targetSize(ExportRecord r) {
    return Vocabulary.targetSize(Texts.line(r.field("Target_size")));
  }

  /** The secondary sponsors and the sources of support, but the lead sponsor and placeholders. */
  private static List<String> collaborators(ExportRecord r, @Nullable String lead) {
    Set<String> names = new LinkedHashSet<>(Texts.values(r.field("Secondary_Sponsor")));
    names.addAll(Texts.values(r.field("Source_Support")));
    names.removeIf(n -> n.equalsIgnoreCase(REFER_TO_SPONSORS) || n.equalsIgnoreCase(lead));
    return List.copyOf(names);
  }

  private static List<Intervention> interventions(ExportRecord r) {
    List<Intervention> given = new ArrayList<>();
    for (String entry : Texts.entries(r.field("Intervention"))) {
      given.add(Vocabulary.intervention(entry));
    }
    return given;
  }

  /** {@code results_yes_no} says Yes, or the results have a date posted. */
  private static boolean hasResults(ExportRecord r) {
    String yes = Texts.line(r.field("results_yes_no"));
    return (yes != null && yes.toLowerCase(Locale.ROOT).startsWith("yes"))
        || Texts.line(r.field("results_date_posted")) != null;
  }

  /**
   * The ids of {@code Secondary_ID}, untyped as ICTRP gives them; placeholders ({@code Nil known})
   * and the record's own id left out.
   */
  private static List<SecondaryId> secondaryIds(ExportRecord r, String given, String trialId) {
    List<SecondaryId> ids = new ArrayList<>();
    for (String id : Texts.values(r.field("Secondary_ID"))) {
      if (!NO_ID.matcher(id).matches()
          && !id.equalsIgnoreCase(given)
          && !id.equalsIgnoreCase(trialId)) {
        ids.add(new SecondaryId(null, id, null));
      }
    }
    return ids;
  }
}
