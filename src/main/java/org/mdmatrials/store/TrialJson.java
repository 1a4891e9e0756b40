package org.mdmatrials.store;

import static org.mdmatrials.store.JsonFields.date;
import static org.mdmatrials.store.JsonFields.flag;
import static org.mdmatrials.store.JsonFields.list;
import static org.mdmatrials.store.JsonFields.number;
import static org.mdmatrials.store.JsonFields.objects;
import static org.mdmatrials.store.JsonFields.required;
import static org.mdmatrials.store.JsonFields.text;
import static org.mdmatrials.store.JsonFields.texts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.mdmatrials.core.ArmGroup;
import org.mdmatrials.core.Eligibility;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.Outcome;
import org.mdmatrials.core.Registries;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.Trial;
import org.mdmatrials.core.TrialBuilder;

/**
 * The common trial record as JSON, as {@code source_records.record} keeps it: one flat object of
 * named facts ({@code "title"}, {@code "startDate": {"value": "2008-05", "fullDate": false}} …), in
 * a fixed order. The format is written and read here field by field, so that it stays the same
 * whatever shape the record takes in memory, and a snapshot written by an earlier version can be
 * read back.
 */
final class TrialJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private TrialJson() {}

  /** The record as UTF-8 JSON. */
  static byte[] write(Trial trial) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
      json.writeStartObject();
      json.writeStringField("trialId", trial.trialId());
      json.writeStringField("registry", trial.registry().code());
      json.writeStringField("url", trial.origin().url());
      var titles = trial.titles();
      json.writeStringField("title", titles.title());
      json.writeStringField("officialTitle", titles.officialTitle());
      json.writeStringField("acronym", titles.acronym());
      json.writeStringField("overallStatus", trial.status().overallStatus());
      json.writeStringField("registryStatus", trial.status().registryStatus());
      json.writeStringField("whyStopped", trial.status().whyStopped());
      date(json, "statusVerified", trial.status().statusVerified());
      var design = trial.design();
      texts(json, "phases", design.phases());
      json.writeStringField("studyType", design.studyType());
      number(json, "enrollment", design.enrollment());
      json.writeStringField("enrollmentType", design.enrollmentType());
      json.writeStringField("allocation", design.allocation());
      json.writeStringField("masking", design.masking());
      json.writeStringField("primaryPurpose", design.primaryPurpose());
      eligibility(json, design.eligibility());
      objects(
          json,
          "primaryOutcomes",
          design.primaryOutcomes(),
          (j, o) -> {
            j.writeStringField("measure", o.measure());
            j.writeStringField("timeFrame", o.timeFrame());
          });
      var dates = trial.dates();
      date(json, "startDate", dates.startDate());
      date(json, "primaryCompletionDate", dates.primaryCompletionDate());
      date(json, "completionDate", dates.completionDate());
      date(json, "firstPosted", dates.firstPosted());
      date(json, "lastUpdatePosted", dates.lastUpdatePosted());
      json.writeStringField("leadSponsor", trial.sponsors().leadSponsor());
      texts(json, "collaborators", trial.sponsors().collaborators());
      var topic = trial.topic();
      texts(json, "conditions", topic.conditions());
      texts(json, "keywords", topic.keywords());
      texts(json, "conditionMeshTerms", topic.conditionMeshTerms());
      objects(
          json,
          "interventions",
          trial.arms().interventions(),
          (j, i) -> {
            j.writeStringField("type", i.type());
            j.writeStringField("name", i.name());
            texts(j, "otherNames", i.otherNames());
          });
      objects(
          json,
          "armGroups",
          trial.arms().armGroups(),
          (j, a) -> {
            j.writeStringField("label", a.label());
            texts(j, "interventionNames", a.interventionNames());
          });
      json.writeStringField("briefSummary", topic.briefSummary());
      texts(json, "countries", trial.countries());
      json.writeBooleanField("hasResults", trial.results().hasResults());
      date(json, "resultsFirstPosted", trial.results().resultsFirstPosted());
      texts(json, "publications", trial.results().publications());
      objects(
          json,
          "secondaryIds",
          trial.secondaryIds(),
          (j, id) -> {
            j.writeStringField("type", id.type());
            j.writeStringField("id", id.id());
            j.writeStringField("domain", id.domain());
          });
      json.writeStringField("sourceVersion", trial.origin().sourceVersion());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * The record stored as {@code json}. A record written before a fact was kept reads as not giving
   * it.
   *
   * @param where names the record in an error
   * @param registries the registries a record may be of
   */
  static Trial read(byte[] json, String where, Registries registries) throws IOException {
    try {
      JsonNode r = MAPPER.readTree(json);
      String code = required(r, "registry");
      Registry registry =
          registries
              .byCode(code)
              .orElseThrow(() -> new IllegalArgumentException("unknown registry " + code));
      TrialBuilder trial = Trial.builder(required(r, "trialId"), registry);
      return trial
          .url(text(r, "url"))
          .sourceVersion(text(r, "sourceVersion"))
          .title(text(r, "title"))
          .officialTitle(text(r, "officialTitle"))
          .acronym(text(r, "acronym"))
          .status(text(r, "overallStatus"), text(r, "registryStatus"))
          .whyStopped(text(r, "whyStopped"))
          .statusVerified(date(r, "statusVerified"))
          .phases(texts(r.path("phases")))
          .studyType(text(r, "studyType"))
          .enrollment(
              r.path("enrollment").isInt() ? r.path("enrollment").intValue() : null,
              text(r, "enrollmentType"))
          .allocation(text(r, "allocation"))
          .masking(text(r, "masking"))
          .primaryPurpose(text(r, "primaryPurpose"))
          .eligibility(eligibility(r.path("eligibility")))
          .primaryOutcomes(
              list(
                  r.path("primaryOutcomes"),
                  o -> new Outcome(required(o, "measure"), text(o, "timeFrame"))))
          .startDate(date(r, "startDate"))
          .primaryCompletionDate(date(r, "primaryCompletionDate"))
          .completionDate(date(r, "completionDate"))
          .firstPosted(date(r, "firstPosted"))
          .lastUpdatePosted(date(r, "lastUpdatePosted"))
          .leadSponsor(text(r, "leadSponsor"))
          .collaborators(texts(r.path("collaborators")))
          .conditions(texts(r.path("conditions")))
          .keywords(texts(r.path("keywords")))
          .conditionMeshTerms(texts(r.path("conditionMeshTerms")))
          .interventions(
              list(
                  r.path("interventions"),
                  i ->
                      new Intervention(
                          text(i, "type"), text(i, "name"), texts(i.path("otherNames")))))
          .armGroups(
              list(
                  r.path("armGroups"),
                  a -> new ArmGroup(text(a, "label"), texts(a.path("interventionNames")))))
          .briefSummary(text(r, "briefSummary"))
          .countries(texts(r.path("countries")))
          .hasResults(r.path("hasResults").asBoolean(false))
          .resultsFirstPosted(date(r, "resultsFirstPosted"))
          .publications(texts(r.path("publications")))
          .secondaryIds(
              list(
                  r.path("secondaryIds"),
                  s -> new SecondaryId(text(s, "type"), required(s, "id"), text(s, "domain"))))
          .build();
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw new IOException("Cannot read the stored record of " + where + ": " + e.getMessage(), e);
    }
  }

  private static void eligibility(JsonGenerator json, Eligibility eligibility) throws IOException {
    json.writeObjectFieldStart("eligibility");
    json.writeStringField("minAge", eligibility.minAge());
    json.writeStringField("maxAge", eligibility.maxAge());
    json.writeStringField("sex", eligibility.sex());
    flag(json, "healthyVolunteers", eligibility.healthyVolunteers());
    flag(json, "patients", eligibility.patients());
    json.writeEndObject();
  }

  private static Eligibility eligibility(JsonNode e) {
    if (!e.isObject()) {
      return Eligibility.NONE;
    }
    return new Eligibility(
        text(e, "minAge"),
        text(e, "maxAge"),
        text(e, "sex"),
        flag(e, "healthyVolunteers"),
        flag(e, "patients"));
  }
}
