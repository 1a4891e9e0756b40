package org.mdmatrials.source.ctis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The parts of a CTIS {@code /retrieve/{ctNumber}} record that mdma-trials reads, named as the API
 * sends them (it is undocumented; the names come from real records). Everything else is ignored
 * here and kept in the raw payload.
 *
 * <p>{@code ctStatus} is kept as a node: other clients report a text such as "Authorised" there,
 * while the records ctrdata stored hold the search summary's numeric code.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CtisRecordJson(
    String ctNumber,
    JsonNode ctStatus,
    Integer ctPublicStatusCode,
    String startDateEU,
    String publishDate,
    AuthorizedApplication authorizedApplication,
    Events events,
    JsonNode results) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  record AuthorizedApplication(
      PartI authorizedPartI,
      List<PartII> authorizedPartsII,
      List<MemberState> memberStatesConcerned,
      EudraCt eudraCt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PartI(
      TrialDetails trialDetails,
      List<MedicalCondition> medicalConditions,
      List<Product> products,
      List<Sponsor> sponsors,
      Integer rowSubjectCount) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record TrialDetails(
      ClinicalTrialIdentifiers clinicalTrialIdentifiers, TrialInformation trialInformation) {}

  /** {@code secondaryIdentifyingNumbers} is read as a tree: its registries vary by trial. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ClinicalTrialIdentifiers(
      String fullTitle,
      String publicTitle,
      String shortTitle,
      JsonNode secondaryIdentifyingNumbers) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record TrialInformation(
      TrialCategory trialCategory,
      TrialDuration trialDuration,
      TrialObjective trialObjective,
      EndPoint endPoint,
      Population populationOfTrialSubjects) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record EndPoint(List<PrimaryEndPoint> primaryEndPoints) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PrimaryEndPoint(String endPoint) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Population(
      List<TrialGroup> clinicalTrialGroups, Boolean isFemaleSubjects, Boolean isMaleSubjects) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record TrialGroup(String code, String name) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record TrialCategory(String trialPhase) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record TrialDuration(
      String estimatedRecruitmentStartDate,
      String estimatedEndDate,
      String estimatedGlobalEndDate) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record TrialObjective(String mainObjective) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MedicalCondition(String medicalCondition) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Product(
      String productName,
      String jsonActiveSubstanceNames,
      ProductDictionaryInfo productDictionaryInfo) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProductDictionaryInfo(
      String prodName, String activeSubstanceName, String sponsorProductCode) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Sponsor(Boolean primary, Organisation organisation) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Organisation(String name) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PartII(Integer recruitmentSubjectCount) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MemberState(String mscName, String firstDecisionDate) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record EudraCt(String eudraCtCode) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Events(List<MemberStateEvents> trialEvents) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MemberStateEvents(String mscName, List<Event> events) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Event(String notificationType, String date) {}
}
