package org.mdmatrials.source.ctis;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import org.mdmatrials.http.BodyBuffer;
import org.mdmatrials.http.MalformedResponseException;
import org.mdmatrials.http.RegistryClient;

/**
 * The two calls of the CTIS public API, which is undocumented (its shape is known from real
 * records): a search for trial summaries, and one trial's full record. Both must answer JSON.
 *
 * <p>CTIS's firewall refuses bursts of requests with 403, which it would let through a moment
 * later; elsewhere 403 means a refusal for good, so only these calls try again on it, as on
 * throttling. The last refusal is reported with its URL.
 */
final class CtisApi {
  private static final int FIREWALL = 403;

  private final RegistryClient client;
  private final HttpUrl api;
  private final ObjectMapper mapper;

  /** A retrieved record: its text as served, and its parsed tree. */
  record Retrieved(String text, JsonNode tree) {}

  CtisApi(RegistryClient client, HttpUrl baseUrl, ObjectMapper mapper) {
    this.client = client;
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
    return json(client.postJson(url, query).describedAs("search " + query))
        .read(response -> SearchPage.read(parse(response, url), url.toString()));
  }

  /** {@code GET /ctis-public-api/retrieve/{ctNumber}}: the trial's full public record. */
  Retrieved retrieve(String ctNumber) throws IOException {
    HttpUrl url = api.newBuilder().addPathSegment("retrieve").addPathSegment(ctNumber).build();
    return json(client.get(url))
        .read(
            response ->
                new Retrieved(
                    new String(response.bytes(), 0, response.length(), StandardCharsets.UTF_8),
                    parse(response, url)));
  }

  private static RegistryClient.Exchange json(RegistryClient.Exchange exchange) {
    return exchange
        .header("Accept", "application/json")
        .accepting("application/json")
        .retryingOn(FIREWALL);
  }

  private JsonNode parse(BodyBuffer body, HttpUrl url) throws IOException {
    try {
      return mapper.readTree(body.bytes(), 0, body.length());
    } catch (JacksonException e) {
      throw new MalformedResponseException(
          url.toString(), "not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
