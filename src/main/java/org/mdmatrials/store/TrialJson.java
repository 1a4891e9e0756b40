package org.mdmatrials.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.ArmGroup;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.PartialDate;
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
      var design = trial.design();
      texts(json, "phases", design.phases());
      json.writeStringField("studyType", design.studyType());
      number(json, "enrollment", design.enrollment());
      json.writeStringField("enrollmentType", design.enrollmentType());
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
      interventions(json, trial.arms().interventions());
      armGroups(json, trial.arms().armGroups());
      json.writeStringField("briefSummary", topic.briefSummary());
      texts(json, "countries", trial.countries());
      json.writeBooleanField("hasResults", trial.results().hasResults());
      secondaryIds(json, trial.secondaryIds());
      json.writeStringField("sourceVersion", trial.origin().sourceVersion());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * The record stored as {@code json}.
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
          .phases(texts(r.path("phases")))
          .studyType(text(r, "studyType"))
          .enrollment(
              r.path("enrollment").isInt() ? r.path("enrollment").intValue() : null,
              text(r, "enrollmentType"))
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
          .secondaryIds(
              list(
                  r.path("secondaryIds"),
                  s -> new SecondaryId(text(s, "type"), required(s, "id"), text(s, "domain"))))
          .build();
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw new IOException("Cannot read the stored record of " + where + ": " + e.getMessage(), e);
    }
  }

  private static void texts(JsonGenerator json, String name, List<String> values)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static void number(JsonGenerator json, String name, @Nullable Integer value)
      throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, value);
    }
  }

  private static void date(JsonGenerator json, String name, @Nullable PartialDate date)
      throws IOException {
    if (date == null) {
      json.writeNullField(name);
      return;
    }
    json.writeObjectFieldStart(name);
    json.writeStringField("value", date.toString());
    json.writeBooleanField("fullDate", date.precision() == PartialDate.Precision.DAY);
    json.writeEndObject();
  }

  private static void interventions(JsonGenerator json, List<Intervention> interventions)
      throws IOException {
    json.writeArrayFieldStart("interventions");
    for (Intervention i : interventions) {
      json.writeStartObject();
      json.writeStringField("type", i.type());
      json.writeStringField("name", i.name());
      texts(json, "otherNames", i.otherNames());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void armGroups(JsonGenerator json, List<ArmGroup> groups) throws IOException {
    json.writeArrayFieldStart("armGroups");
    for (ArmGroup a : groups) {
      json.writeStartObject();
      json.writeStringField("label", a.label());
      texts(json, "interventionNames", a.interventionNames());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void secondaryIds(JsonGenerator json, List<SecondaryId> ids) throws IOException {
    json.writeArrayFieldStart("secondaryIds");
    for (SecondaryId s : ids) {
      json.writeStartObject();
      json.writeStringField("type", s.type());
      json.writeStringField("id", s.id());
      json.writeStringField("domain", s.domain());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static @Nullable String text(JsonNode node, String name) {
    JsonNode value = node.path(name);
    return value.isTextual() ? value.textValue() : null;
  }

  private static String required(JsonNode node, String name) {
    String value = text(node, name);
    if (value == null) {
      throw new IllegalArgumentException("no \"" + name + "\"");
    }
    return value;
  }

  /** A date as {@code {"value": "2008-05", …}}, or as its bare text. */
  private static @Nullable PartialDate date(JsonNode node, String name) {
    JsonNode value = node.path(name);
    String text =
        value.isObject() ? text(value, "value") : value.isTextual() ? value.textValue() : null;
    return text == null ? null : PartialDate.parse(text);
  }

  private static List<String> texts(JsonNode array) {
    return list(array, v -> v.isTextual() ? v.textValue() : null);
  }

  private static <T> List<T> list(JsonNode array, Function<JsonNode, @Nullable T> element) {
    List<T> values = new ArrayList<>(array.size());
    for (JsonNode value : array) {
      T mapped = element.apply(value);
      if (mapped != null) {
        values.add(mapped);
      }
    }
    return values;
  }
}
