package org.mdmatrials.source.ctgov;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.mdmatrials.core.ArmGroup;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.Trial;
import org.mdmatrials.core.TrialBuilder;
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
    var description = protocol.descriptionModule();
    String overallStatus = status == null ? null : status.overallStatus();
    TrialBuilder trial = Trial.builder(nctId, CtGovModule.REGISTRY);
    return ProtocolFacts.set(trial, protocol)
        .url(STUDY_URL + nctId)
        .sourceVersion(sourceVersion)
        .title(id.briefTitle())
        .officialTitle(id.officialTitle())
        .acronym(id.acronym())
        .status(overallStatus, overallStatus)
        .whyStopped(status == null ? null : status.whyStopped())
        .statusVerified(
            date(status == null ? null : status.statusVerifiedDate(), "statusVerifiedDate"))
        .studyType(design == null ? null : design.studyType())
        .phases(present(design == null ? null : design.phases()))
        .enrollment(
            enrollment == null ? null : enrollment.count(),
            enrollment == null ? null : enrollment.type())
        .startDate(date(status == null ? null : status.startDateStruct(), "startDateStruct"))
        .primaryCompletionDate(
            date(
                status == null ? null : status.primaryCompletionDateStruct(),
                "primaryCompletionDateStruct"))
        .completionDate(
            date(status == null ? null : status.completionDateStruct(), "completionDateStruct"))
        .firstPosted(
            date(
                status == null ? null : status.studyFirstPostDateStruct(),
                "studyFirstPostDateStruct"))
        .lastUpdatePosted(
            date(
                status == null ? null : status.lastUpdatePostDateStruct(),
                "lastUpdatePostDateStruct"))
        .leadSponsor(
            sponsors == null || sponsors.leadSponsor() == null
                ? null
                : sponsors.leadSponsor().name())
        .collaborators(
            map(sponsors == null ? null : sponsors.collaborators(), StudyJson.Sponsor::name))
        .conditions(present(conditions == null ? null : conditions.conditions()))
        .keywords(present(conditions == null ? null : conditions.keywords()))
        .conditionMeshTerms(meshTerms(study.derivedSection()))
        .interventions(map(arms == null ? null : arms.interventions(), StudyMapper::intervention))
        .armGroups(
            map(
                arms == null ? null : arms.armGroups(),
                a -> new ArmGroup(a.label(), present(a.interventionNames()))))
        .briefSummary(description == null ? null : description.briefSummary())
        .countries(countries(protocol.contactsLocationsModule()))
        .hasResults(Boolean.TRUE.equals(study.hasResults()))
        .resultsFirstPosted(
            date(
                status == null ? null : status.resultsFirstPostDateStruct(),
                "resultsFirstPostDateStruct"))
        .secondaryIds(secondaryIds(id.secondaryIdInfos()))
        .build();
  }

  private static StudyJson.ProtocolSection orEmpty(StudyJson.ProtocolSection section, String path)
      throws MalformedRecordException {
    if (section == null) {
      throw new MalformedRecordException(path, "an object", "none");
    }
    return section;
  }

  private static PartialDate date(DateStruct struct, String field) throws MalformedRecordException {
    return struct == null ? null : date(struct.date(), field + ".date");
  }

  /** A date of the status module; {@code field} is its path there. */
  private static PartialDate date(String text, String field) throws MalformedRecordException {
    if (text == null) {
      return null;
    }
    try {
      return PartialDate.parse(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedRecordException(
          "$.protocolSection.statusModule." + field,
          "a date as yyyy, yyyy-MM or yyyy-MM-dd",
          "\"" + text + "\"");
    }
  }

  private static Intervention intervention(StudyJson.Intervention i) {
    return new Intervention(i.type(), i.name(), present(i.otherNames()));
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

  /** The list's entries; a null entry in a list the registry sent is an entry not given. */
  private static <T> List<T> present(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }

  private static <T, R> List<R> map(List<T> list, Function<T, R> f) {
    if (list == null) {
      return List.of();
    }
    return list.stream().filter(Objects::nonNull).map(f).filter(Objects::nonNull).toList();
  }
}
