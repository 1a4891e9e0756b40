package org.mdmatrials.source.ctgov;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.core.Tasks;
import org.mdmatrials.http.BodyBuffer;
import org.mdmatrials.http.MalformedResponseException;
import org.mdmatrials.http.RegistryClient;
import org.mdmatrials.source.HarvestScope;
import org.mdmatrials.source.HarvestSink;
import org.mdmatrials.source.JsonShapes;
import org.mdmatrials.source.RecordHistory;
import org.mdmatrials.source.TrialSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** ClinicalTrials.gov API v2: every study matching the configured search, page by page. */
final class CtGovSource implements TrialSource {
  private static final Logger log = LoggerFactory.getLogger(CtGovSource.class);

  /** Limits a page must keep, so that a broken or hostile response cannot exhaust memory. */
  static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder()
          .maxNestingDepth(64)
          .maxStringLength(8_000_000)
          .maxDocumentLength(512L * 1024 * 1024)
          .build();

  private static final ThreadFactory PAGE_THREADS =
      task -> {
        Thread thread = new Thread(task, "clinicaltrials.gov pages");
        thread.setDaemon(true);
        return thread;
      };

  private final RegistryClient client;
  private final HttpUrl baseUrl;
  private final Map<String, String> search;
  private final int pageSize;
  private final ObjectMapper mapper;
  private final Optional<RecordHistory> history;

  /** A source that reads no record history. */
  CtGovSource(RegistryClient client, HttpUrl baseUrl, Map<String, String> search, int pageSize) {
    this(client, baseUrl, search, pageSize, 0);
  }

  /**
   * @param baseUrl the API root, {@code https://clinicaltrials.gov/api/v2}
   * @param search {@code GET /studies} parameters ({@code query.term} and the like), sent as given
   * @param pageSize studies per page, 1 to 1000
   * @param historyRequests the requests a night may spend on record histories; 0 asks for none
   */
  CtGovSource(
      RegistryClient client,
      HttpUrl baseUrl,
      Map<String, String> search,
      int pageSize,
      int historyRequests) {
    if (pageSize < 1 || pageSize > 1000) {
      throw new IllegalArgumentException("page size must be 1 to 1000, was " + pageSize);
    }
    this.client = client;
    this.baseUrl = baseUrl;
    this.search = Map.copyOf(search);
    this.pageSize = pageSize;
    JsonMapper jsonMapper =
        JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    jsonMapper.getFactory().setStreamReadConstraints(LIMITS);
    this.mapper = jsonMapper;
    this.history =
        historyRequests > 0
            ? Optional.of(new CtGovRecordHistory(client, baseUrl, historyRequests, jsonMapper))
            : Optional.empty();
  }

  @Override
  public Registry registry() {
    return CtGovModule.REGISTRY;
  }

  @Override
  public Optional<RecordHistory> recordHistory() {
    return history;
  }

  @Override
  public SourceSummary harvest(HarvestSink sink, HarvestScope scope) throws IOException {
    String dataTimestamp = dataTimestamp();
    StudyPageReader reader = new StudyPageReader(mapper, dataTimestamp);
    Map<String, String> parameters = parameters(scope);
    HttpUrl firstPage = studiesUrl(parameters, null);
    Integer expected = null;
    int received = 0;
    int skipped = 0;
    int pages = 0;
    String token = null;
    // One page ahead: the next page is fetched and read on a thread of its own while this one's
    // studies are stored. Each study's payload is read in place from its page's buffer, so two
    // buffers take turns: the page after next, which reuses this page's buffer, is fetched only
    // once this page's studies are stored.
    ExecutorService ahead = Executors.newSingleThreadExecutor(PAGE_THREADS);
    BodyBuffer[] buffers = {
      new BodyBuffer(LIMITS.getMaxDocumentLength()), new BodyBuffer(LIMITS.getMaxDocumentLength())
    };
    try {
      HttpUrl url = firstPage;
      Future<StudyPage> next = ahead.submit(fetch(url, reader, buffers[1], 1));
      do {
        StudyPage page = Tasks.await(next, "a page");
        pages++;
        if (pages == 1) {
          expected = page.totalCount();
          if (expected == null) {
            throw new MalformedResponseException(url.toString(), "no totalCount on the first page");
          }
        }
        if (page.nextPageToken() != null && page.nextPageToken().equals(token)) {
          throw new MalformedResponseException(
              url.toString(), "the next page token repeats the current one");
        }
        token = page.nextPageToken();
        if (token != null) {
          url = studiesUrl(parameters, token);
          next = ahead.submit(fetch(url, reader, buffers[(pages + 1) % 2], pages + 1));
        }
        for (StudyPage.Entry entry : page.studies()) {
          sink.accept(entry.trial(), entry.payload());
        }
        for (SkippedRecord record : page.skipped()) {
          log.warn("Skipped {}", record);
          sink.skipped(record);
        }
        received += page.size();
        skipped += page.skipped().size();
      } while (token != null);
    } finally {
      ahead.shutdownNow();
    }
    if (received != expected) {
      throw new MalformedResponseException(
          firstPage.toString(),
          "totalCount announced "
              + expected
              + " studies but "
              + received
              + " came in "
              + pages
              + " pages");
    }
    log.info(
        "{}: {} studies in {} pages, {} skipped, data of {}",
        CtGovModule.REGISTRY.displayName(),
        received,
        pages,
        skipped,
        dataTimestamp);
    return new SourceSummary(
        CtGovModule.REGISTRY,
        describe(parameters),
        scope.isFull(),
        dataTimestamp,
        expected,
        received,
        skipped,
        pages);
  }

  /** See https://clinicaltrials.gov/data-api/api#get-/version */
  private String dataTimestamp() throws IOException {
    HttpUrl url = baseUrl.newBuilder().addPathSegment("version").build();
    return client.get(url).accepting("application/json").read(body -> readDataTimestamp(body, url));
  }

  private String readDataTimestamp(BodyBuffer body, HttpUrl url) throws IOException {
    try {
      JsonNode timestamp = mapper.readTree(body.bytes(), 0, body.length()).path("dataTimestamp");
      if (!timestamp.isTextual()) {
        throw new MalformedResponseException(
            url.toString(),
            "expected a string at $.dataTimestamp but was " + JsonShapes.describe(timestamp));
      }
      return timestamp.asText();
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new MalformedResponseException(
          url.toString(), "not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private Callable<StudyPage> fetch(
      HttpUrl url, StudyPageReader reader, BodyBuffer buffer, int pageNumber) {
    return () ->
        client
            .get(url)
            .accepting("application/json")
            .into(buffer)
            .read(body -> reader.read(body.bytes(), body.length(), url.toString(), pageNumber));
  }

  /**
   * The configured search, narrowed for an incremental harvest to studies whose last update was
   * posted on or after the day (Essie's AREA[LastUpdatePostDate]RANGE, ANDed with any configured
   * filter.advanced).
   */
  private Map<String, String> parameters(HarvestScope scope) {
    if (scope.isFull()) {
      return search;
    }
    String range = "AREA[LastUpdatePostDate]RANGE[" + scope.updatedSince().orElseThrow() + ",MAX]";
    Map<String, String> parameters = new HashMap<>(search);
    parameters.merge("filter.advanced", range, (configured, r) -> "(" + configured + ") AND " + r);
    return parameters;
  }

  /** The page's URL: the same parameters on every page, plus the token after the first. */
  private HttpUrl studiesUrl(Map<String, String> parameters, String pageToken) {
    HttpUrl.Builder url =
        baseUrl.newBuilder().addPathSegment("studies").addQueryParameter("format", "json");
    parameters.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> url.addQueryParameter(e.getKey(), e.getValue()));
    url.addQueryParameter("countTotal", "true")
        .addQueryParameter("pageSize", Integer.toString(pageSize));
    if (pageToken != null) {
      url.addQueryParameter("pageToken", pageToken);
    }
    return url.build();
  }

  private static String describe(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
  }
}
