package org.mdmatrials.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operator reads of a request that failed: the failures as RegistryClient throws them after
 * its last try, against a stand-in, a closed port, and a resolver that knows no such host.
 */
class FailureTextTest {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** ISRCTN's query of the shipped config, as the source encodes it. */
  private static final HttpUrl ISRCTN =
      HttpUrl.get(
          "https://www.isrctn.com/api/query/format/default?q=MDMA%20OR%20midomafetamine%20OR"
              + "%20methylenedioxymethamphetamine%20OR%20ecstasy&limit=0");

  private final List<String> asked = new ArrayList<>();

  @Test
  void tellsOfAHostThatDoesNotResolveWithoutTheExceptionsName() {
    // The system resolver throws UnknownHostException for a name DNS does not know; this one
    // throws it for every name, so that the test asks no DNS server.
    OkHttpClient noSuchHost =
        new OkHttpClient.Builder()
            .dns(
                host -> {
                  asked.add(host);
                  throw new UnknownHostException(host + ": Name or service not known");
                })
            .build();

    Throwable failure = fetch(noSuchHost, ISRCTN);

    assertThat(failure).isInstanceOf(RequestFailedException.class);
    assertThat(FailureText.of(failure)).isEqualTo("could not reach www.isrctn.com (no such host)");
    assertThat(asked).containsOnly("www.isrctn.com").hasSize(2);
  }

  @Test
  void tellsOfAConnectionRefusedByAClosedPort() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    Throwable failure =
        fetch(new OkHttpClient(), HttpUrl.get("http://127.0.0.1:" + closed + "/ctis-public-api"));

    assertThat(FailureText.of(failure))
        .isEqualTo("could not reach 127.0.0.1:" + closed + " (connection refused)");
  }

  @Test
  void tellsOfAConnectionThatBrokeOff() {
    registry.stubFor(
        get(urlPathEqualTo("/studies"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    Throwable failure = fetch(new OkHttpClient(), url("/studies"));

    assertThat(FailureText.of(failure))
        .isEqualTo("the connection to " + host() + " broke off (connection reset)");
    registry.verify(2, getRequestedFor(urlPathEqualTo("/studies")));
  }

  @Test
  void tellsOfARegistryThatStoppedAnswering() {
    registry.stubFor(
        get(urlPathEqualTo("/studies"))
            .willReturn(aResponse().withStatus(200).withFixedDelay(1000)));
    OkHttpClient impatient = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(200)).build();

    Throwable failure = fetch(impatient, url("/studies"));

    assertThat(FailureText.of(failure)).isEqualTo(host() + " stopped answering (timed out)");
  }

  @Test
  void tellsOfAServerFaultWithTheStartOfTheRegistrysAnswer() {
    registry.stubFor(
        get(urlPathEqualTo("/studies"))
            .willReturn(aResponse().withStatus(503).withBody("Service\n  Unavailable")));

    Throwable failure = fetch(new OkHttpClient(), url("/studies"));

    assertThat(FailureText.of(failure))
        .isEqualTo(
            host() + " answered HTTP 503 (a fault on the registry's side): Service Unavailable");
    registry.verify(2, getRequestedFor(urlPathEqualTo("/studies")));
  }

  @Test
  void tellsOfARefusedRequestNamingItDecoded() {
    registry.stubFor(
        get(urlPathEqualTo("/api/query/format/default"))
            .willReturn(aResponse().withStatus(400).withBody("Invalid query")));

    Throwable failure =
        fetch(
            new OkHttpClient(),
            ISRCTN.newBuilder().scheme("http").host("localhost").port(registry.getPort()).build());

    assertThat(FailureText.of(failure))
        .isEqualTo(
            host()
                + " refused /api/query/format/default?q=MDMA OR midomafetamine OR"
                + " methylenedioxymethampheta… with HTTP 400: Invalid query");
    registry.verify(
        1,
        getRequestedFor(urlPathEqualTo("/api/query/format/default"))
            .withQueryParam(
                "q",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                    "MDMA OR midomafetamine OR methylenedioxymethamphetamine OR ecstasy")));
  }

  @Test
  void tellsOfAnAnswerOfTheWrongType() {
    registry.stubFor(
        get(urlPathEqualTo("/studies"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body>Maintenance tonight</body></html>")));

    Throwable failure = fetch(new OkHttpClient(), url("/studies"));

    assertThat(FailureText.of(failure))
        .isEqualTo(
            host()
                + " sent an unusable answer to /studies: expected Content-Type application/json"
                + " but was \"text/html\": <html><body>Maintenance tonight</body></html>");
  }

  @Test
  void showsAUrlDecodedWithoutItsSchemeAndCutShort() {
    String url =
        "https://clinicaltrials.gov/api/v2/studies?format=json&query.term=MDMA%20OR%20"
            + "midomafetamine%20OR%20%223%2C4-methylenedioxymethamphetamine%22&pageSize=1000";

    assertThat(FailureText.url(url))
        .isEqualTo(
            "clinicaltrials.gov/api/v2/studies?format=json&query.term=MDMA OR midomafetamine…")
        .hasSize(80);
    assertThat(FailureText.url("http://127.0.0.1:8089/version"))
        .isEqualTo("127.0.0.1:8089/version");
  }

  @Test
  void tellsOfAFileTheSystemRefusedInWords() {
    assertThat(FailureText.of(new AccessDeniedException("output/.lock")))
        .isEqualTo("output/.lock: permission denied");
    assertThat(
            FailureText.of(
                new FileSystemException("output/snapshots", null, "No space left on device")))
        .isEqualTo("output/snapshots: No space left on device");
  }

  @Test
  void tellsOfAFaultInTheToolAsOneToReport() {
    assertThat(FailureText.of(new IllegalStateException("record 3 was numbered 4 in its group")))
        .isEqualTo(
            "failed unexpectedly: record 3 was numbered 4 in its group (a fault in mdma-trials:"
                + " the log has the details; please report it)");
  }

  /** What the client threw for {@code url}, after two tries with no wait between them. */
  private static Throwable fetch(OkHttpClient http, HttpUrl url) {
    RetryPolicy twice = new RetryPolicy(2, Duration.ZERO, Duration.ZERO, Duration.ZERO, d -> {});
    RegistryClient client = new RegistryClient(http, twice, Clock.systemUTC());
    return catchThrowable(
        () -> client.get(url).accepting("application/json").read(body -> body.length()));
  }

  private static HttpUrl url(String path) {
    return HttpUrl.get(registry.baseUrl() + path);
  }

  private static String host() {
    return "localhost:" + registry.getPort();
  }
}
