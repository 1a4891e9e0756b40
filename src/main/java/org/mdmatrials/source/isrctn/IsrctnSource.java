package org.mdmatrials.source.isrctn;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import okhttp3.HttpUrl;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.core.Trial;
import org.mdmatrials.http.MalformedResponseException;
import org.mdmatrials.http.RegistryClient;
import org.mdmatrials.source.HarvestScope;
import org.mdmatrials.source.HarvestSink;
import org.mdmatrials.source.TrialSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ISRCTN registry's query API: every trial matching the configured query, asked for in one
 * response after asking how many there are (the API has no paging).
 */
final class IsrctnSource implements TrialSource {
  private static final Logger log = LoggerFactory.getLogger(IsrctnSource.class);

  private final RegistryClient client;
  private final HttpUrl baseUrl;
  private final String query;
  private final Clock clock;

  /**
   * @param baseUrl the registry's root, {@code https://www.isrctn.com}
   * @param query the search, in the API's query syntax ({@code MDMA OR midomafetamine})
   * @param clock gives the day recruitment dates are compared with, for each trial's status
   */
  IsrctnSource(RegistryClient client, HttpUrl baseUrl, String query, Clock clock) {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("the ISRCTN query must not be empty");
    }
    this.client = client;
    this.baseUrl = baseUrl;
    this.query = query.strip();
    this.clock = clock;
  }

  @Override
  public Registry registry() {
    return IsrctnModule.REGISTRY;
  }

  @Override
  public SourceSummary harvest(HarvestSink sink, HarvestScope scope) throws IOException {
    String q = query(scope);
    AllTrialsReader reader = new AllTrialsReader(LocalDate.now(clock));
    HttpUrl countUrl = queryUrl(q, 0);
    int announced =
        xml(countUrl).read(body -> reader.totalCount(body.reader(), countUrl.toString()));
    AllTrialsReader.Result result = new AllTrialsReader.Result(0, 0, 0);
    if (announced > 0) {
      HttpUrl trialsUrl = queryUrl(q, announced);
      result = fetchTrials(trialsUrl, reader, sink);
      if (result.received() != result.totalCount()) {
        throw new MalformedResponseException(
            trialsUrl.toString(),
            "totalCount announced "
                + result.totalCount()
                + " trials but "
                + result.received()
                + " came (asked for "
                + announced
                + ")");
      }
    }
    log.info(
        "{}: {} trials, {} skipped ({} harvest, q={})",
        IsrctnModule.REGISTRY.displayName(),
        result.received(),
        result.skipped(),
        scope.isFull() ? "full" : "incremental",
        q);
    return new SourceSummary(
        IsrctnModule.REGISTRY,
        q,
        scope.isFull(),
        null,
        result.totalCount(),
        result.received(),
        result.skipped(),
        announced > 0 ? 1 : 0);
  }

  /**
   * The configured query, narrowed for an incremental harvest to trials last edited on or after the
   * day. The term's syntax, {@code (<query>) AND lastEdited GE 2021-04-01T00:00:00.000Z}, is the
   * one rfhb/ctrdata sends to this API for its updates (R/ctrRerunQuery.R appends {@code " AND
   * lastEdited GE <day>T00:00:00.000Z"} to the query that R/ctrLoadQueryIntoDbIsrctn.R puts in
   * brackets); no test against the live API was possible here.
   */
  private String query(HarvestScope scope) {
    if (scope.isFull()) {
      return query;
    }
    return "("
        + query
        + ") AND lastEdited GE "
        + scope.updatedSince().orElseThrow()
        + "T00:00:00.000Z";
  }

  /** {@code GET /api/query/format/default?q=…&limit=…}; with {@code limit=0} only the count. */
  private HttpUrl queryUrl(String q, int limit) {
    return baseUrl
        .newBuilder()
        .addPathSegments("api/query/format/default")
        .addQueryParameter("q", q)
        .addQueryParameter("limit", Integer.toString(limit))
        .build();
  }

  /**
   * Streams the trials to the sink. A response that turns out unreadable is fetched again only if
   * nothing of it was handed on yet: a second reading would hand the same trials on twice.
   */
  private AllTrialsReader.Result fetchTrials(HttpUrl url, AllTrialsReader reader, HarvestSink sink)
      throws IOException {
    return xml(url)
        .read(
            body -> {
              CountingSink counting = new CountingSink(sink);
              try {
                return reader.read(body.reader(), url.toString(), counting);
              } catch (MalformedResponseException e) {
                throw counting.handedOn > 0 ? e.unrepeatable() : e;
              }
            });
  }

  /** A GET whose answer must be XML. */
  private RegistryClient.Exchange xml(HttpUrl url) {
    return client.get(url).accepting("application/xml", "text/xml");
  }

  /** Counts what a reading hands on, so that a failed reading is retried only if it handed none. */
  private static final class CountingSink implements HarvestSink {
    private final HarvestSink sink;
    private int handedOn;

    CountingSink(HarvestSink sink) {
      this.sink = sink;
    }

    @Override
    public void accept(Trial trial, Payload payload) throws IOException {
      handedOn++;
      sink.accept(trial, payload);
    }

    @Override
    public void skipped(SkippedRecord record) {
      handedOn++;
      sink.skipped(record);
    }
  }
}
