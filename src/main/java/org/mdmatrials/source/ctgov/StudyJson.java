package org.mdmatrials.source.ctgov;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The parts of a ClinicalTrials.gov v2 study that mdma-trials reads, named as in the API's OpenAPI
 * contract (components/schemas/Study). Everything else is ignored here and kept in the raw payload.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StudyJson(
    ProtocolSection protocolSection, DerivedSection derivedSection, Boolean hasResults) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProtocolSection(
      IdentificationModule identificationModule,
      StatusModule statusModule,
      SponsorCollaboratorsModule sponsorCollaboratorsModule,
      DescriptionModule descriptionModule,
      ConditionsModule conditionsModule,
      DesignModule designModule,
      ArmsInterventionsModule armsInterventionsModule,
      OutcomesModule outcomesModule,
      EligibilityModule eligibilityModule,
      ContactsLocationsModule contactsLocationsModule,
      ReferencesModule referencesModule) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record IdentificationModule(
      String nctId,
      String briefTitle,
      String officialTitle,
      String acronym,
      List<SecondaryIdInfo> secondaryIdInfos) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SecondaryIdInfo(String id, String type, String domain) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record StatusModule(
      String overallStatus,
      DateStruct startDateStruct,
      DateStruct primaryCompletionDateStruct,
      DateStruct completionDateStruct,
      DateStruct studyFirstPostDateStruct,
      DateStruct lastUpdatePostDateStruct,
      DateStruct resultsFirstPostDateStruct,
      String whyStopped,
      String statusVerifiedDate) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record DateStruct(String date, String type) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SponsorCollaboratorsModule(Sponsor leadSponsor, List<Sponsor> collaborators) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Sponsor(String name) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record DescriptionModule(String briefSummary) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ConditionsModule(List<String> conditions, List<String> keywords) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record DesignModule(
      String studyType,
      List<String> phases,
      EnrollmentInfo enrollmentInfo,
      DesignInfo designInfo) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record EnrollmentInfo(Integer count, String type) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record DesignInfo(String allocation, String primaryPurpose, MaskingInfo maskingInfo) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MaskingInfo(String masking) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record OutcomesModule(List<Outcome> primaryOutcomes) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Outcome(String measure, String timeFrame) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record EligibilityModule(
      String minimumAge, String maximumAge, String sex, Boolean healthyVolunteers) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReferencesModule(List<Reference> references) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Reference(String pmid, String type, String citation) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ArmsInterventionsModule(List<ArmGroup> armGroups, List<Intervention> interventions) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ArmGroup(String label, List<String> interventionNames) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Intervention(String type, String name, List<String> otherNames) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ContactsLocationsModule(List<Location> locations) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Location(String country) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record DerivedSection(ConditionBrowseModule conditionBrowseModule) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ConditionBrowseModule(List<Mesh> meshes) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Mesh(String term) {}
}
