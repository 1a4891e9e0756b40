package org.mdmatrials.source.isrctn;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.core.Trial;
import org.mdmatrials.http.RetryPolicy;
import org.mdmatrials.source.CheckedResponse;
import org.mdmatrials.source.HarvestScope;
import org.mdmatrials.source.HarvestSink;
import org.mdmatrials.source.MalformedResponseException;
import org.mdmatrials.source.Refetcher;
import org.mdmatrials.source.TrialSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ISRCTN registry's query API: every trial matching the configured query, asked for in one
 * response after asking how many there are (the API has no paging).
 */
public final class IsrctnSource implements TrialSource {
  private static final Logger log = LoggerFactory.getLogger(IsrctnSource.class);

  private final OkHttpClient client;
  private final RetryPolicy retries;
  private final HttpUrl baseUrl;
  private final String query;
  private final Clock clock;

  /**
   * @param retries the policy for trying again a response that arrived whole but unreadable (the
   *     client itself retries throttling, server errors and broken connections)
   * @param baseUrl the registry's root, {@code https://www.isrctn.com}
   * @param query the search, in the API's query syntax ({@code MDMA OR midomafetamine})
   * @param clock gives the day recruitment dates are compared with, for each trial's status
   */
  public IsrctnSource(
      OkHttpClient client, RetryPolicy retries, HttpUrl baseUrl, String query, Clock clock) {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("the ISRCTN query must not be empty");
    }
    this.client = client;
    this.retries = retries;
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
    int announced = Refetcher.untilReadable(retries, countUrl, () -> fetchCount(countUrl, reader));
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

  private int fetchCount(HttpUrl url, AllTrialsReader reader) throws IOException {
    try (Response response = call(url)) {
      return reader.totalCount(response.body().charStream(), url.toString());
    }
  }

  /**
   * Streams the trials to the sink. A response that turns out unreadable is fetched again only if
   * nothing of it was handed on yet: a second reading would hand the same trials on twice.
   */
  private AllTrialsReader.Result fetchTrials(HttpUrl url, AllTrialsReader reader, HarvestSink sink)
      throws IOException {
    for (int tries = 1; ; tries++) {
      CountingSink counting = new CountingSink(sink);
      try (Response response = call(url)) {
        return reader.read(response.body().charStream(), url.toString(), counting);
      } catch (MalformedResponseException e) {
        if (counting.handedOn > 0 || !retries.mayRetry(tries)) {
          throw e;
        }
        log.warn("{} (try {} of {}); retrying", e.getMessage(), tries, retries.maxTries());
        retries.pause(url.host(), tries, null);
      }
    }
  }

  /** Executes a GET and checks that an XML body came back; the caller closes the response. */
  private Response call(HttpUrl url) throws IOException {
    return CheckedResponse.execute(
        client, new Request.Builder().url(url).get().build(), null, "application/xml", "text/xml");
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
