package org.mdmatrials.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mdmatrials.Fixtures;

/**
 * The one retry policy, as every source meets it: throttling and outages, broken connections,
 * bodies cut short, bodies of the wrong type or unreadable, and a registry's own transient status.
 */
class RegistryClientTest {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String BODY =
      "{\"apiVersion\":\"2.0.5\",\"dataTimestamp\":\"2026-11-27T09:15:02\"}";
  private static final String PAGE = "ctgov/pages/search-page-with-next-token-1.json";

  private final List<Duration> waits = new ArrayList<>();
  private final RetryPolicy policy =
      new RetryPolicy(
          4, Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(60), waits::add);

  @Test
  void waitsAsRetryAfterSecondsAsksThenSucceeds() throws Exception {
    failThenSucceed(1, aResponse().withStatus(429).withHeader("Retry-After", "7"));

    assertThat(fetch(client())).isEqualTo(BODY);
    assertThat(waits).containsExactly(Duration.ofSeconds(7));
    registry.verify(2, getRequestedFor(urlEqualTo("/version")));
  }

  @Test
  void readsRetryAfterAsAnHttpDate() throws Exception {
    String inThirtySeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
    failThenSucceed(1, aResponse().withStatus(503).withHeader("Retry-After", inThirtySeconds));

    assertThat(fetch(client())).isEqualTo(BODY);
    assertThat(waits).hasSize(1);
    assertThat(waits.get(0)).isBetween(Duration.ofSeconds(27), Duration.ofSeconds(30));
  }

  @Test
  void capsAnOverlongRetryAfter() throws Exception {
    failThenSucceed(1, aResponse().withStatus(429).withHeader("Retry-After", "86400"));

    assertThat(fetch(client())).isEqualTo(BODY);
    assertThat(waits).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void backsOffExponentiallyThroughSeveral503s() throws Exception {
    failThenSucceed(3, aResponse().withStatus(503).withBody("busy"));

    assertThat(fetch(client())).isEqualTo(BODY);
    assertThat(waits).hasSize(3);
    assertThat(waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(waits.get(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    assertThat(policy.retriesByHost()).containsEntry("localhost", 3);
  }

  @Test
  void retriesAConnectionReset() throws Exception {
    failThenSucceed(1, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertThat(fetch(client())).isEqualTo(BODY);
    assertThat(waits).hasSize(1);
  }

  @Test
  void retriesABodyCutShort() throws Exception {
    failThenSucceed(1, aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK));

    assertThat(fetch(client())).isEqualTo(BODY);
    assertThat(waits).hasSize(1);
  }

  @Test
  void retriesAResponseSlowerThanTheReadTimeout() throws Exception {
    failThenSucceed(1, okJson(BODY).withFixedDelay(1500));

    assertThat(fetch(client(Duration.ofMillis(300)))).isEqualTo(BODY);
    assertThat(waits).hasSize(1);
  }

  @Test
  void fetchesAgainABodyThatArrivedWholeButCouldNotBeRead() throws Exception {
    failThenSucceed(1, okJson("{\"apiVersion\":"));

    String version =
        client()
            .get(url())
            .accepting("application/json")
            .read(
                body -> {
                  String text = text(body);
                  if (!text.endsWith("}")) {
                    throw new MalformedResponseException(url().toString(), "cut in half");
                  }
                  return text;
                });

    assertThat(version).isEqualTo(BODY);
    assertThat(waits).hasSize(1);
  }

  @Test
  void doesNotFetchAgainWhatItsReadingHandedOn() {
    registry.stubFor(get("/version").willReturn(okJson(BODY)));
    List<String> handedOn = new ArrayList<>();

    assertThatThrownBy(
            () ->
                client()
                    .get(url())
                    .accepting("application/json")
                    .read(
                        body -> {
                          handedOn.add(text(body));
                          throw new MalformedResponseException(url().toString(), "bad at the end")
                              .unrepeatable();
                        }))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageEndingWith("bad at the end");
    assertThat(handedOn).hasSize(1);
    registry.verify(1, getRequestedFor(urlEqualTo("/version")));
  }

  @Test
  void givesUpAfterTheMaximumTriesReportingTheLastAnswer() {
    registry.stubFor(get("/version").willReturn(aResponse().withStatus(503).withBody("down")));

    assertThatThrownBy(() -> fetch(client()))
        .isInstanceOfSatisfying(
            HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(503))
        .hasMessage("HTTP 503 from " + url() + ": down");
    registry.verify(4, getRequestedFor(urlEqualTo("/version")));
    assertThat(waits).hasSize(3);
  }

  @Test
  void givesUpOnAConnectionThatKeepsFailingSayingHowOftenItTried() {
    registry.stubFor(
        get("/version").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> fetch(client()))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("GET " + url() + " failed after 4 tries: ");
  }

  @Test
  void refusesAClientErrorAtOnceQuotingItsBody() {
    registry.stubFor(
        get("/version").willReturn(aResponse().withStatus(404).withBody("No such\n path")));

    assertThatThrownBy(() -> fetch(client()))
        .isInstanceOf(HttpStatusException.class)
        .hasMessage("HTTP 404 from " + url() + ": No such path");
    registry.verify(1, getRequestedFor(urlEqualTo("/version")));
    assertThat(waits).isEmpty();
  }

  @Test
  void triesAgainOnAStatusTheSourceNamesAndReportsItsLastRefusal() {
    registry.stubFor(get("/version").willReturn(aResponse().withStatus(403).withBody("firewall")));

    assertThatThrownBy(
            () ->
                client()
                    .get(url())
                    .accepting("application/json")
                    .retryingOn(403)
                    .describedAs("the version")
                    .read(RegistryClientTest::text))
        .isInstanceOf(HttpStatusException.class)
        .hasMessage("HTTP 403 from " + url() + ": the version: firewall");
    registry.verify(4, getRequestedFor(urlEqualTo("/version")));
  }

  @Test
  void sendsTheUserAgentAndHeadersOnEveryTry() throws Exception {
    failThenSucceed(1, aResponse().withStatus(502));

    client()
        .get(url())
        .header("Accept", "application/json")
        .accepting("application/json")
        .read(RegistryClientTest::text);

    registry.verify(
        2,
        getRequestedFor(urlEqualTo("/version"))
            .withHeader("User-Agent", equalTo("mdma-trials/test"))
            .withHeader("Accept", equalTo("application/json")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/json; charset=utf-8",
        "application/json;charset=UTF-8",
        "Application/JSON",
        "text/plain"
      })
  void acceptsAnExpectedTypeWhateverItsCaseAndParameters(String contentType) throws IOException {
    serve(contentType);

    assertThat(page()).isEqualTo(Fixtures.text(PAGE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/html",
        "application/json-seq",
        "application/jsonp",
        "application/javascript",
        "text/plain-text",
        "application"
      })
  void refusesAnyOtherTypeNamingItAfterTryingAgain(String contentType) {
    serve(contentType);

    assertThatThrownBy(this::page)
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("expected Content-Type application/json or text/plain")
        .hasMessageContaining("but was \"" + contentType + "\"");
    registry.verify(4, getRequestedFor(urlEqualTo("/studies")));
  }

  private void serve(String contentType) {
    registry.stubFor(
        get("/studies")
            .willReturn(
                aResponse().withHeader("Content-Type", contentType).withBody(Fixtures.text(PAGE))));
  }

  private String page() throws IOException {
    return client()
        .get(HttpUrl.get(registry.url("/studies")))
        .accepting("application/json", "text/plain")
        .read(RegistryClientTest::text);
  }

  private RegistryClient client() {
    return client(Duration.ofSeconds(5));
  }

  private RegistryClient client(Duration readTimeout) {
    HttpSettings settings =
        new HttpSettings(
            Duration.ofSeconds(5),
            readTimeout,
            Duration.ofSeconds(30),
            4,
            Duration.ofMillis(100),
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            0);
    return new RegistryClient(
        HttpClients.create(settings, "mdma-trials/test"), policy, Clock.systemUTC());
  }

  private static HttpUrl url() {
    return HttpUrl.get(registry.baseUrl() + "/version");
  }

  private static String fetch(RegistryClient client) throws IOException {
    return client.get(url()).accepting("application/json").read(RegistryClientTest::text);
  }

  private static String text(BodyBuffer body) {
    return new String(body.bytes(), 0, body.length(), StandardCharsets.UTF_8);
  }

  /** Answers {@code failures} times with {@code failure}, then with the JSON body. */
  private static void failThenSucceed(int failures, ResponseDefinitionBuilder failure) {
    String state = STARTED;
    for (int i = 1; i <= failures; i++) {
      String next = "failed " + i;
      registry.stubFor(
          get("/version")
              .inScenario("flaky")
              .whenScenarioStateIs(state)
              .willReturn(failure)
              .willSetStateTo(next));
      state = next;
    }
    registry.stubFor(
        get("/version").inScenario("flaky").whenScenarioStateIs(state).willReturn(okJson(BODY)));
  }
}
