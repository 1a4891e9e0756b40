package org.mdmatrials.source.ctgov;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.mdmatrials.core.ArmGroup;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.Trial;
import org.mdmatrials.source.MalformedRecordException;
import org.mdmatrials.source.ctgov.StudyJson.DateStruct;

/** Maps a ClinicalTrials.gov study onto the common trial record. */
final class StudyMapper {
  private static final String STUDY_URL = "https://clinicaltrials.gov/study/";

  private StudyMapper() {}

  static Trial toTrial(StudyJson study, String sourceVersion) throws MalformedRecordException {
    var protocol = orEmpty(study.protocolSection(), "$.protocolSection");
    var id = protocol.identificationModule();
    String nctId = id == null ? null : id.nctId();
    if (nctId == null || nctId.isBlank()) {
      throw new MalformedRecordException(
          "$.protocolSection.identificationModule.nctId", "an NCT id", "none");
    }
    var status = protocol.statusModule();
    var sponsors = protocol.sponsorCollaboratorsModule();
    var conditions = protocol.conditionsModule();
    var design = protocol.designModule();
    var arms = protocol.armsInterventionsModule();
    var enrollment = design == null ? null : design.enrollmentInfo();
    return new Trial(
        nctId,
        Registry.CTGOV,
        STUDY_URL + nctId,
        id.briefTitle(),
        id.officialTitle(),
        id.acronym(),
        status == null ? null : status.overallStatus(),
        status == null ? null : status.overallStatus(),
        design == null ? null : design.phases(),
        design == null ? null : design.studyType(),
        enrollment == null ? null : enrollment.count(),
        enrollment == null ? null : enrollment.type(),
        date(status == null ? null : status.startDateStruct(), "startDateStruct"),
        date(
            status == null ? null : status.primaryCompletionDateStruct(),
            "primaryCompletionDateStruct"),
        date(status == null ? null : status.completionDateStruct(), "completionDateStruct"),
        date(status == null ? null : status.studyFirstPostDateStruct(), "studyFirstPostDateStruct"),
        date(status == null ? null : status.lastUpdatePostDateStruct(), "lastUpdatePostDateStruct"),
        sponsors == null || sponsors.leadSponsor() == null ? null : sponsors.leadSponsor().name(),
        map(sponsors == null ? null : sponsors.collaborators(), StudyJson.Sponsor::name),
        conditions == null ? null : conditions.conditions(),
        conditions == null ? null : conditions.keywords(),
        meshTerms(study.derivedSection()),
        map(arms == null ? null : arms.interventions(), StudyMapper::intervention),
        map(
            arms == null ? null : arms.armGroups(),
            a -> new ArmGroup(a.label(), a.interventionNames())),
        protocol.descriptionModule() == null ? null : protocol.descriptionModule().briefSummary(),
        countries(protocol.contactsLocationsModule()),
        Boolean.TRUE.equals(study.hasResults()),
        secondaryIds(id.secondaryIdInfos()),
        sourceVersion);
  }

  private static StudyJson.ProtocolSection orEmpty(StudyJson.ProtocolSection section, String path)
      throws MalformedRecordException {
    if (section == null) {
      throw new MalformedRecordException(path, "an object", "none");
    }
    return section;
  }

  private static PartialDate date(DateStruct struct, String field) throws MalformedRecordException {
    if (struct == null || struct.date() == null) {
      return null;
    }
    try {
      return new PartialDate(struct.date());
    } catch (IllegalArgumentException e) {
      throw new MalformedRecordException(
          "$.protocolSection.statusModule." + field + ".date",
          "a date as yyyy, yyyy-MM or yyyy-MM-dd",
          "\"" + struct.date() + "\"");
    }
  }

  private static Intervention intervention(StudyJson.Intervention i) {
    return new Intervention(i.type(), i.name(), i.otherNames());
  }

  private static List<String> meshTerms(StudyJson.DerivedSection derived) {
    if (derived == null || derived.conditionBrowseModule() == null) {
      return List.of();
    }
    return map(derived.conditionBrowseModule().meshes(), StudyJson.Mesh::term);
  }

  /** Distinct countries of the study's sites, sorted by name. */
  private static List<String> countries(StudyJson.ContactsLocationsModule module) {
    if (module == null || module.locations() == null) {
      return List.of();
    }
    return module.locations().stream()
        .filter(Objects::nonNull)
        .map(StudyJson.Location::country)
        .filter(Objects::nonNull)
        .distinct()
        .sorted()
        .toList();
  }

  private static List<SecondaryId> secondaryIds(List<StudyJson.SecondaryIdInfo> infos) {
    return map(
        infos,
        s ->
            s.id() == null || s.id().isBlank()
                ? null
                : new SecondaryId(s.type(), s.id().strip(), s.domain()));
  }

  private static <T, R> List<R> map(List<T> list, Function<T, R> f) {
    if (list == null) {
      return List.of();
    }
    return list.stream().filter(Objects::nonNull).map(f).filter(Objects::nonNull).toList();
  }
}
