package org.mdmatrials.source.ctgov;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import okhttp3.HttpUrl;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.mdmatrials.core.Outcome;
import org.mdmatrials.core.OutcomeHistory;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.http.MalformedResponseException;
import org.mdmatrials.http.RegistryClient;
import org.mdmatrials.source.JsonShapes;
import org.mdmatrials.source.MalformedRecordException;
import org.mdmatrials.source.RecordHistory;

/**
 * ClinicalTrials.gov's record history: the "History of Changes" its site shows, from the internal
 * API beside API v2 ({@code /api/int}), which is undocumented (no OpenAPI contract covers it;
 * cthist and ctrdata read it so). {@code GET /api/int/studies/{nctId}?history=true} lists the
 * versions (numbered from 0, the first registered) with the modules each changed, the primary
 * outcomes as first registered, and the current record; {@code GET …/history/{version}} is one
 * version. Text there is HTML, entities escaped, and is read as the plain text a browser shows.
 */
final class CtGovRecordHistory implements RecordHistory {
  /** The module label of a version that changed the protocol's outcomes (not the results'). */
  private static final String OUTCOMES = "Outcome Measures";

  private final RegistryClient client;
  private final HttpUrl root;
  private final int requestsPerNight;
  private final ObjectMapper mapper;

  /**
   * @param apiRoot the API v2 root, {@code https://clinicaltrials.gov/api/v2}; the internal API is
   *     its sibling, {@code …/api/int}
   */
  CtGovRecordHistory(
      RegistryClient client, HttpUrl apiRoot, int requestsPerNight, ObjectMapper mapper) {
    List<String> segments = new ArrayList<>(apiRoot.pathSegments());
    segments.removeIf(String::isEmpty);
    HttpUrl.Builder root = apiRoot.newBuilder().encodedPath("/");
    for (int i = 0; i < segments.size() - 1; i++) {
      root.addPathSegment(segments.get(i));
    }
    this.root = root.addPathSegment("int").build();
    this.client = client;
    this.requestsPerNight = requestsPerNight;
    this.mapper = mapper;
  }

  @Override
  public int requestsPerNight() {
    return requestsPerNight;
  }

  /**
   * The first registered version, then each version whose outcomes differ from the one before. The
   * listing says which versions changed the outcome measures, and which of them last changed the
   * primary ones: that one and those after it hold the current record's. Only the versions before
   * it are asked for, one request each.
   */
  @Override
  public OutcomeHistory primaryOutcomes(String nctId, int requests)
      throws IOException, MalformedRecordException {
    HttpUrl url = studyUrl(nctId).addQueryParameter("history", "true").build();
    JsonNode history = get(url);
    JsonNode served = history.path("study").path("protocolSection").path("identificationModule");
    if (!nctId.equals(served.path("nctId").asText())) {
      throw new MalformedRecordException(
          "$.study.protocolSection.identificationModule.nctId",
          nctId,
          JsonShapes.describe(served.path("nctId")));
    }
    List<Change> changes = changes(history.path("history").path("changes"));
    List<Outcome> current = outcomes(history.path("study"), "$.study");
    JsonNode latest = history.path("history").path("lastUpdateVersions").path("primaryOutcomes");
    int sinceCurrent =
        latest.isInt() ? latest.intValue() : changes.get(changes.size() - 1).number();
    List<Outcome> registered = first(history.path("history"), current);
    List<OutcomeHistory.Version> versions = new ArrayList<>();
    int spent = 1;
    boolean complete = true;
    for (Change change : changes) {
      List<Outcome> outcomes;
      if (change.number() == 0 && registered != null) {
        outcomes = registered;
      } else if (change.number() != 0 && !change.outcomesChanged()) {
        continue;
      } else if (change.number() >= sinceCurrent) {
        outcomes = current;
      } else if (spent < requests) {
        outcomes = version(nctId, change.number());
        spent++;
      } else {
        complete = false;
        continue;
      }
      versions.add(new OutcomeHistory.Version(change.number(), change.date(), outcomes));
    }
    return new OutcomeHistory(nctId, changed(versions), spent, complete);
  }

  /** A version in which the registry lists the modules that changed. */
  private record Change(int number, PartialDate date, boolean outcomesChanged) {}

  private List<Change> changes(JsonNode changes) throws MalformedRecordException {
    if (!changes.isArray() || changes.isEmpty()) {
      throw new MalformedRecordException(
          "$.history.changes", "a list of versions", JsonShapes.describe(changes));
    }
    List<Change> read = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      JsonNode change = changes.get(i);
      String path = "$.history.changes[" + i + "]";
      if (!change.path("version").isInt()) {
        throw new MalformedRecordException(
            path + ".version", "a number", JsonShapes.describe(change.path("version")));
      }
      boolean outcomes = false;
      for (JsonNode label : change.path("moduleLabels")) {
        outcomes |= OUTCOMES.equals(label.asText());
      }
      read.add(new Change(change.path("version").intValue(), date(change, path), outcomes));
    }
    read.sort(Comparator.comparingInt(Change::number));
    return read;
  }

  private static PartialDate date(JsonNode change, String path) throws MalformedRecordException {
    JsonNode date = change.path("date");
    try {
      return PartialDate.parse(date.asText());
    } catch (IllegalArgumentException e) {
      throw new MalformedRecordException(
          path + ".date", "a date as yyyy-MM-dd", JsonShapes.describe(date));
    }
  }

  /**
   * The outcomes as first registered: the listing's original data, which gives them when they
   * changed since and says they are the same when they did not; null when it says neither.
   */
  private static List<Outcome> first(JsonNode history, List<Outcome> current)
      throws MalformedRecordException {
    JsonNode original = history.path("originalData");
    if (original.has("primaryOutcomes")) {
      return outcomes(original.path("primaryOutcomes"), "$.history.originalData.primaryOutcomes");
    }
    return original.path("primaryOutcomesSame").asBoolean(false) ? current : null;
  }

  private List<Outcome> version(String nctId, int number)
      throws IOException, MalformedRecordException {
    HttpUrl url =
        studyUrl(nctId).addPathSegment("history").addPathSegment(Integer.toString(number)).build();
    return outcomes(get(url).path("study"), "$.study");
  }

  /** A study's primary outcomes ({@code study}), or a list of them, as plain text. */
  static List<Outcome> outcomes(JsonNode node, String path) throws MalformedRecordException {
    JsonNode list =
        node.isArray()
            ? node
            : node.path("protocolSection").path("outcomesModule").path("primaryOutcomes");
    String at = node.isArray() ? path : path + ".protocolSection.outcomesModule.primaryOutcomes";
    if (list.isMissingNode()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new MalformedRecordException(at, "a list of outcomes", JsonShapes.describe(list));
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (JsonNode outcome : list) {
      String measure = plain(outcome.path("measure").asText(""));
      if (!measure.isBlank()) {
        outcomes.add(new Outcome(measure, plain(outcome.path("timeFrame").asText(""))));
      }
    }
    return outcomes;
  }

  /**
   * The text a browser shows for {@code html}: tags dropped, entities decoded (the escaped
   * less-than and slash of "NEWS of less than or equal to 2" become {@code </=}), once more where
   * the text was escaped twice.
   */
  static String plain(String html) {
    String text = Jsoup.parseBodyFragment(html).text();
    return text.indexOf('&') >= 0 ? Parser.unescapeEntities(text, false) : text;
  }

  /** The first version, then each whose outcomes differ from the version kept before it. */
  private static List<OutcomeHistory.Version> changed(List<OutcomeHistory.Version> versions) {
    List<OutcomeHistory.Version> kept = new ArrayList<>();
    for (OutcomeHistory.Version version : versions) {
      if (kept.isEmpty()
          || !kept.get(kept.size() - 1).primaryOutcomes().equals(version.primaryOutcomes())) {
        kept.add(version);
      }
    }
    return kept;
  }

  private HttpUrl.Builder studyUrl(String nctId) {
    return root.newBuilder().addPathSegment("studies").addPathSegment(nctId);
  }

  /** The JSON object at {@code url}; an answer that is none is a malformed response. */
  private JsonNode get(HttpUrl url) throws IOException {
    return client
        .get(url)
        .header("Accept", "application/json")
        .accepting("application/json")
        .describedAs("ClinicalTrials.gov's record history (undocumented)")
        .read(
            body -> {
              try {
                JsonNode json = mapper.readTree(body.bytes(), 0, body.length());
                if (json == null || !json.isObject()) {
                  throw new MalformedResponseException(url.toString(), "expected a JSON object");
                }
                return json;
              } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new MalformedResponseException(
                    url.toString(), "not valid JSON: " + e.getOriginalMessage(), e);
              }
            });
  }
}
