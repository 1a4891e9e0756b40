package org.mdmatrials.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryInterceptorTest {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String BODY =
      "{\"apiVersion\":\"2.0.5\",\"dataTimestamp\":\"2026-11-27T09:15:02\"}";

  private final List<Duration> waits = new ArrayList<>();
  private final RetryPolicy policy =
      new RetryPolicy(
          4, Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(60), waits::add);

  @Test
  void waitsAsRetryAfterSecondsAsksThenSucceeds() throws Exception {
    failThenSucceed(1, aResponse().withStatus(429).withHeader("Retry-After", "7"));

    try (Response response = fetch(client())) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).isEqualTo(BODY);
    }
    assertThat(waits).containsExactly(Duration.ofSeconds(7));
    registry.verify(2, getRequestedFor(urlEqualTo("/version")));
  }

  @Test
  void readsRetryAfterAsAnHttpDate() throws Exception {
    String inThirtySeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
    failThenSucceed(1, aResponse().withStatus(503).withHeader("Retry-After", inThirtySeconds));

    try (Response response = fetch(client())) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(waits).hasSize(1);
    assertThat(waits.get(0)).isBetween(Duration.ofSeconds(27), Duration.ofSeconds(30));
  }

  @Test
  void capsAnOverlongRetryAfter() throws Exception {
    failThenSucceed(1, aResponse().withStatus(429).withHeader("Retry-After", "86400"));

    try (Response response = fetch(client())) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(waits).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void backsOffExponentiallyThroughSeveral503s() throws Exception {
    failThenSucceed(3, aResponse().withStatus(503).withBody("busy"));

    try (Response response = fetch(client())) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(waits).hasSize(3);
    assertThat(waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(waits.get(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    assertThat(policy.retriesByHost()).containsEntry("localhost", 3);
  }

  @Test
  void retriesAConnectionReset() throws Exception {
    failThenSucceed(1, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    try (Response response = fetch(client())) {
      assertThat(response.body().string()).isEqualTo(BODY);
    }
    assertThat(waits).hasSize(1);
  }

  @Test
  void retriesAMalformedChunk() throws Exception {
    failThenSucceed(1, aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK));

    try (Response response = fetch(client())) {
      assertThat(response.body().string()).isEqualTo(BODY);
    }
    assertThat(waits).hasSize(1);
  }

  @Test
  void retriesAResponseSlowerThanTheReadTimeout() throws Exception {
    failThenSucceed(1, okJson(BODY).withFixedDelay(1500));
    HttpSettings http = settings(Duration.ofMillis(300));

    try (Response response = fetch(HttpClients.create(http, "mdma-trials/test", policy))) {
      assertThat(response.body().string()).isEqualTo(BODY);
    }
    assertThat(waits).hasSize(1);
  }

  @Test
  void givesUpAfterTheMaximumTriesReturningTheLastAnswer() throws Exception {
    registry.stubFor(get("/version").willReturn(aResponse().withStatus(503).withBody("down")));

    try (Response response = fetch(client())) {
      assertThat(response.code()).isEqualTo(503);
    }
    registry.verify(4, getRequestedFor(urlEqualTo("/version")));
    assertThat(waits).hasSize(3);
  }

  @Test
  void givesUpOnAConnectionThatKeepsFailingSayingHowOftenItTried() {
    registry.stubFor(
        get("/version").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> fetch(client()).close())
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("GET " + registry.baseUrl() + "/version failed after 4 tries: ");
  }

  @Test
  void doesNotRetryAClientError() throws Exception {
    registry.stubFor(get("/version").willReturn(aResponse().withStatus(404)));

    try (Response response = fetch(client())) {
      assertThat(response.code()).isEqualTo(404);
    }
    registry.verify(1, getRequestedFor(urlEqualTo("/version")));
    assertThat(waits).isEmpty();
  }

  @Test
  void sendsTheUserAgentOnEveryTry() throws Exception {
    failThenSucceed(1, aResponse().withStatus(502));

    fetch(client()).close();

    registry.verify(
        2,
        getRequestedFor(urlEqualTo("/version"))
            .withHeader(
                "User-Agent",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("mdma-trials/test")));
  }

  private OkHttpClient client() {
    return HttpClients.create(settings(Duration.ofSeconds(5)), "mdma-trials/test", policy);
  }

  private static HttpSettings settings(Duration readTimeout) {
    return new HttpSettings(
        Duration.ofSeconds(5),
        readTimeout,
        Duration.ofSeconds(30),
        4,
        Duration.ofMillis(100),
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        0);
  }

  private static Response fetch(OkHttpClient client) throws IOException {
    return client
        .newCall(new Request.Builder().url(registry.baseUrl() + "/version").build())
        .execute();
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
