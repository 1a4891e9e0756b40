package org.mdmatrials.source.ctis;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.mdmatrials.http.RetryPolicy;
import org.mdmatrials.source.CheckedResponse;
import org.mdmatrials.source.MalformedResponseException;
import org.mdmatrials.source.Refetcher;

/**
 * The two calls of the CTIS public API, which is undocumented (its shape is known from real
 * records): a search for trial summaries, and one trial's full record. Both must answer JSON; a
 * response that arrives whole but cannot be read is fetched again as the retry policy allows.
 */
final class CtisApi {
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient client;
  private final RetryPolicy retries;
  private final HttpUrl api;
  private final ObjectMapper mapper;

  /** A retrieved record: its text as served, and its parsed tree. */
  record Retrieved(String text, JsonNode tree) {}

  CtisApi(OkHttpClient client, RetryPolicy retries, HttpUrl baseUrl, ObjectMapper mapper) {
    this.client = client;
    this.retries = retries;
    this.api = baseUrl.newBuilder().addPathSegment("ctis-public-api").build();
    this.mapper = mapper;
  }

  HttpUrl searchUrl() {
    return api.newBuilder().addPathSegment("search").build();
  }

  /** {@code POST /ctis-public-api/search} with {@code body}: one page of trial summaries. */
  SearchPage search(ObjectNode body) throws IOException {
    HttpUrl url = searchUrl();
    String query = body.toString();
    Request request =
        new Request.Builder()
            .url(url)
            .header("Accept", "application/json")
            .post(RequestBody.create(query, JSON))
            .build();
    return Refetcher.untilReadable(
        retries,
        url,
        () -> SearchPage.read(parse(readText(request, "search " + query), url), url.toString()));
  }

  /** {@code GET /ctis-public-api/retrieve/{ctNumber}}: the trial's full public record. */
  Retrieved retrieve(String ctNumber) throws IOException {
    HttpUrl url = api.newBuilder().addPathSegment("retrieve").addPathSegment(ctNumber).build();
    Request request = new Request.Builder().url(url).header("Accept", "application/json").build();
    return Refetcher.untilReadable(
        retries,
        url,
        () -> {
          String text = readText(request, null);
          return new Retrieved(text, parse(text, url));
        });
  }

  private JsonNode parse(String text, HttpUrl url) throws MalformedResponseException {
    try {
      return mapper.readTree(text);
    } catch (JacksonException e) {
      throw new MalformedResponseException(
          url.toString(), "not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The body of a success served as JSON; {@code what}, if not null, says in an error which request
   * it was.
   */
  private String readText(Request request, String what) throws IOException {
    try (Response response = CheckedResponse.execute(client, request, what, "application/json")) {
      return response.body().string();
    }
  }
}
