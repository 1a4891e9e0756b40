package org.mdmatrials.source.ctgov;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mdmatrials.CollectingSink;
import org.mdmatrials.Fixtures;
import org.mdmatrials.TestHttp;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.core.Trial;
import org.mdmatrials.http.HttpStatusException;
import org.mdmatrials.http.MalformedResponseException;
import org.mdmatrials.http.RetryPolicy;
import org.mdmatrials.source.HarvestScope;
import org.mdmatrials.source.HarvestSink;

class CtGovSourceTest {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Map<String, String> SEARCH = Map.of("query.term", "MDMA OR ecstasy");
  private static final RetryPolicy ONE_TRY =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, d -> {});
  private final CollectingSink collected = new CollectingSink();

  @BeforeEach
  void version() {
    registry.stubFor(
        get("/api/v2/version").willReturn(okJson(Fixtures.version("2026-11-27T09:15:02"))));
  }

  @Test
  void followsNextPageTokenUntilAbsentRepeatingTheFirstPagesParameters() throws Exception {
    // The recorded pages carry no totalCount (they were asked without countTotal) and the second
    // one has a further token: the test adds the count to the first and drops the second's token.
    ObjectNode first = Fixtures.json("ctgov/pages/search-page-with-next-token-1.json");
    first.put("totalCount", 3);
    ObjectNode second = Fixtures.json("ctgov/pages/search-page-with-next-token-2.json");
    second.remove("nextPageToken");
    stubPage(null, first.toString());
    stubPage("NF0g5JaGmg", second.toString());

    SourceSummary summary = source(2).harvest(collected, HarvestScope.full());

    assertThat(collected.trials)
        .extracting(Trial::trialId)
        .containsExactly("NCT05147467", "NCT00184067", "NCT03934567");
    assertThat(summary.expected()).isEqualTo(3);
    assertThat(summary.received()).isEqualTo(3);
    assertThat(summary.pages()).isEqualTo(2);
    assertThat(summary.sourceVersion()).isEqualTo("2026-11-27T09:15:02");
    assertThat(collected.trials)
        .allSatisfy(t -> assertThat(t.origin().sourceVersion()).isEqualTo("2026-11-27T09:15:02"));

    List<LoggedRequest> pages =
        registry.findAll(getRequestedFor(urlPathEqualTo("/api/v2/studies")));
    assertThat(pages).hasSize(2);
    for (LoggedRequest page : pages) {
      assertThat(page.queryParameter("format").firstValue()).isEqualTo("json");
      assertThat(page.queryParameter("query.term").firstValue()).isEqualTo("MDMA OR ecstasy");
      assertThat(page.queryParameter("countTotal").firstValue()).isEqualTo("true");
      assertThat(page.queryParameter("pageSize").firstValue()).isEqualTo("2");
    }
    assertThat(pages.get(0).queryParameter("pageToken").isPresent()).isFalse();
    assertThat(pages.get(1).queryParameter("pageToken").firstValue()).isEqualTo("NF0g5JaGmg");
  }

  @Test
  void asksOnlyForStudiesUpdatedSinceTheDayInAnIncrementalHarvest() throws Exception {
    stubPage(null, Fixtures.page(1, null, Fixtures.study("NCT03934567")));

    SourceSummary summary =
        source(1000).harvest(collected, HarvestScope.updatedSince(LocalDate.parse("2026-11-26")));

    assertThat(summary.full()).isFalse();
    LoggedRequest request =
        registry.findAll(getRequestedFor(urlPathEqualTo("/api/v2/studies"))).get(0);
    assertThat(request.queryParameter("filter.advanced").firstValue())
        .isEqualTo("AREA[LastUpdatePostDate]RANGE[2026-11-26,MAX]");
    assertThat(request.queryParameter("query.term").firstValue()).isEqualTo("MDMA OR ecstasy");
  }

  @Test
  void andsTheUpdateRangeWithAConfiguredAdvancedFilter() throws Exception {
    stubPage(null, Fixtures.page(1, null, Fixtures.study("NCT03934567")));
    CtGovSource source =
        new CtGovSource(
            TestHttp.client(ONE_TRY),
            HttpUrl.get(registry.baseUrl() + "/api/v2"),
            Map.of("query.term", "MDMA", "filter.advanced", "AREA[Phase]PHASE3"),
            1000);

    source.harvest(collected, HarvestScope.updatedSince(LocalDate.parse("2026-11-26")));

    registry.verify(
        getRequestedFor(urlPathEqualTo("/api/v2/studies"))
            .withQueryParam(
                "filter.advanced",
                equalTo("(AREA[Phase]PHASE3) AND AREA[LastUpdatePostDate]RANGE[2026-11-26,MAX]")));
  }

  @Test
  void asksForEverythingInAFullHarvest() throws Exception {
    stubPage(null, Fixtures.page(1, null, Fixtures.study("NCT03934567")));

    assertThat(source(1000).harvest(collected, HarvestScope.full()).full()).isTrue();

    registry.verify(
        getRequestedFor(urlPathEqualTo("/api/v2/studies"))
            .withQueryParam("filter.advanced", absent()));
  }

  @Test
  void failsWhenFewerStudiesArriveThanTotalCountAnnounced() {
    // Real pages: the first announces 21 studies; the second's token is dropped here so that the
    // harvest ends after 10.
    ObjectNode second = Fixtures.json("ctgov/pages/fields-filtered-page-2.json");
    second.remove("nextPageToken");
    stubPage(null, Fixtures.text("ctgov/pages/fields-filtered-page-1.json"));
    stubPage("ZVt07cGHkvI2wRk2CJf6_LLq14bEL8swd7KrgP4dnDeTsPkw", second.toString());

    assertThatThrownBy(() -> source(5).harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("totalCount announced 21 studies but 10 came in 2 pages")
        .hasMessageContaining(registry.baseUrl() + "/api/v2/studies?");
  }

  @Test
  void skipsStudyWithoutNctIdNamingItsPageAndPosition() throws Exception {
    ObjectNode withoutId = Fixtures.study("NCT00184067");
    ((ObjectNode) withoutId.at("/protocolSection/identificationModule")).remove("nctId");
    stubPage(
        null,
        Fixtures.page(
            3, null, Fixtures.study("NCT03275402"), withoutId, Fixtures.study("NCT03934567")));

    SourceSummary summary = source(1000).harvest(collected, HarvestScope.full());

    assertThat(collected.trials)
        .extracting(Trial::trialId)
        .containsExactly("NCT03275402", "NCT03934567");
    assertThat(summary.skipped()).isEqualTo(1);
    assertThat(summary.received()).isEqualTo(3);
    SkippedRecord skipped = collected.skipped.get(0);
    assertThat(skipped.trialId()).isNull();
    assertThat(skipped.page()).isEqualTo(1);
    assertThat(skipped.position()).isEqualTo(2);
    assertThat(skipped.path()).isEqualTo("$.studies[1].protocolSection.identificationModule.nctId");
    assertThat(skipped.problem()).isEqualTo("Expected an NCT id but was none");
  }

  @Test
  void skipsStudyOfWrongShapeSayingWhatWasExpectedAndFound() throws Exception {
    ObjectNode bad = Fixtures.study("NCT03275402");
    ((ObjectNode) bad.at("/protocolSection/designModule")).put("phases", "PHASE2");
    stubPage(null, Fixtures.page(2, null, Fixtures.study("NCT00184067"), bad));

    source(1000).harvest(collected, HarvestScope.full());

    assertThat(collected.trials).extracting(Trial::trialId).containsExactly("NCT00184067");
    SkippedRecord skipped = collected.skipped.get(0);
    assertThat(skipped.trialId()).isEqualTo("NCT03275402");
    assertThat(skipped.path()).isEqualTo("$.studies[1].protocolSection.designModule.phases");
    assertThat(skipped.problem()).isEqualTo("Expected an array but was the string \"PHASE2\"");
  }

  @Test
  void skipsStudyWithADateThatIsNotADate() throws Exception {
    ObjectNode bad = Fixtures.study("NCT00184067");
    ((ObjectNode) bad.at("/protocolSection/statusModule/startDateStruct")).put("date", "May 2004");
    stubPage(null, Fixtures.page(1, null, bad));

    source(1000).harvest(collected, HarvestScope.full());

    assertThat(collected.skipped.get(0).path())
        .isEqualTo("$.studies[0].protocolSection.statusModule.startDateStruct.date");
    assertThat(collected.skipped.get(0).problem())
        .isEqualTo("Expected a date as yyyy, yyyy-MM or yyyy-MM-dd but was \"May 2004\"");
  }

  @Test
  void keepsEachStudysJsonAsSent() throws Exception {
    stubPage(null, Fixtures.page(1, null, Fixtures.study("NCT03275402")));

    source(1000).harvest(collected, HarvestScope.full());

    assertThat(Fixtures.JSON.readTree(collected.payloads.get(0)))
        .isEqualTo(Fixtures.study("NCT03275402"));
  }

  @Test
  void keepsEachStudysJsonAsSentWhileThePagesAfterItAreRead() throws Exception {
    List<ObjectNode> studies =
        List.of(
            Fixtures.study("NCT03275402"),
            Fixtures.study("NCT00184067"),
            Fixtures.study("NCT03934567"));
    stubPage(null, Fixtures.page(3, "2", studies.get(0)));
    stubPage("2", Fixtures.page(null, "3", studies.get(1)));
    stubPage("3", Fixtures.page(null, null, studies.get(2)));
    List<String> payloads = new ArrayList<>();
    HarvestSink slow =
        new HarvestSink() {
          @Override
          public void accept(Trial trial, Payload payload) {
            // Stores each study only once the page after it has been read, as a busy database
            // would: the payload must still be the study as sent.
            awaitPageThreadIdle();
            payloads.add(payload.toString());
          }

          @Override
          public void skipped(SkippedRecord record) {}
        };

    source(1).harvest(slow, HarvestScope.full());

    assertThat(payloads).hasSize(3);
    for (int i = 0; i < studies.size(); i++) {
      assertThat(Fixtures.JSON.readTree(payloads.get(i))).isEqualTo(studies.get(i));
    }
  }

  /** Waits until the thread reading pages ahead waits for its next page to fetch. */
  private static void awaitPageThreadIdle() {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
        if (thread.getKey().getName().equals("clinicaltrials.gov pages")
            && thread.getKey().getState() == Thread.State.WAITING
            && Arrays.stream(thread.getValue())
                .anyMatch(f -> f.getMethodName().equals("getTask"))) {
          return;
        }
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("the page thread never went idle");
  }

  @Test
  void reportsAnErrorStatusWithItsUrlAndMessage() {
    registry.stubFor(
        get(urlPathEqualTo("/api/v2/studies"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "text/plain")
                    .withBody("Unknown parameter: query.trem")));

    assertThatThrownBy(() -> source(1000).harvest(collected, HarvestScope.full()))
        .isInstanceOf(HttpStatusException.class)
        .hasMessageStartingWith(
            "HTTP 400 from " + registry.baseUrl() + "/api/v2/studies?format=json")
        .hasMessageEndingWith(": Unknown parameter: query.trem");
  }

  @Test
  void refusesAnHtmlPageServedAsSuccess() {
    registry.stubFor(
        get(urlPathEqualTo("/api/v2/studies"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body>Maintenance</body></html>")));

    assertThatThrownBy(() -> source(1000).harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("expected Content-Type application/json but was \"text/html\"");
  }

  @Test
  void refusesAPageWithoutStudies() {
    stubPage(null, "{\"totalCount\": 3}");

    assertThatThrownBy(() -> source(1000).harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageEndingWith("no \"studies\" array in the page");
  }

  @Test
  void refusesABodyCutShortAndHandsOnNothingOfIt() {
    String page =
        Fixtures.page(2, null, Fixtures.study("NCT00184067"), Fixtures.study("NCT03934567"));
    stubPage(null, page.substring(0, page.length() * 3 / 4));

    assertThatThrownBy(() -> source(1000).harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("not valid JSON");
    assertThat(collected.trials).isEmpty();
  }

  @Test
  void fetchesAgainAPageThatArrivedCutInHalf() throws Exception {
    // The real page, served first cut at half its length and then whole.
    String page =
        Fixtures.page(2, null, Fixtures.study("NCT00184067"), Fixtures.study("NCT03934567"));
    registry.stubFor(
        get(urlPathEqualTo("/api/v2/studies"))
            .inScenario("cut")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson(page.substring(0, page.length() / 2)))
            .willSetStateTo("whole"));
    registry.stubFor(
        get(urlPathEqualTo("/api/v2/studies"))
            .inScenario("cut")
            .whenScenarioStateIs("whole")
            .willReturn(okJson(page)));
    List<Duration> waits = new ArrayList<>();

    SourceSummary summary =
        source(
                1000,
                new RetryPolicy(
                    3, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ZERO, waits::add))
            .harvest(collected, HarvestScope.full());

    assertThat(collected.trials)
        .extracting(Trial::trialId)
        .containsExactly("NCT00184067", "NCT03934567");
    assertThat(summary.received()).isEqualTo(2);
    assertThat(waits).hasSize(1);
  }

  @Test
  void givesUpOnAPageThatStaysUnreadable() {
    stubPage(null, "{\"studies\": [");

    assertThatThrownBy(
            () ->
                source(
                        1000,
                        new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO, d -> {}))
                    .harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageStartingWith("Unusable response from " + registry.baseUrl() + "/api/v2/studies?")
        .hasMessageContaining("not valid JSON");
    registry.verify(3, getRequestedFor(urlPathEqualTo("/api/v2/studies")));
  }

  @Test
  void refusesAPageNestedDeeperThanAnyStudy() {
    stubPage(null, "{\"studies\": [" + "[".repeat(200) + "]".repeat(200) + "]}");

    assertThatThrownBy(() -> source(1000).harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("nesting depth");
  }

  private CtGovSource source(int pageSize, RetryPolicy retries) {
    return new CtGovSource(
        TestHttp.client(retries), HttpUrl.get(registry.baseUrl() + "/api/v2"), SEARCH, pageSize);
  }

  private CtGovSource source(int pageSize) {
    return new CtGovSource(
        TestHttp.client(ONE_TRY), HttpUrl.get(registry.baseUrl() + "/api/v2"), SEARCH, pageSize);
  }

  private static void stubPage(String token, String body) {
    registry.stubFor(
        get(urlPathEqualTo("/api/v2/studies"))
            .withQueryParam("pageToken", token == null ? absent() : equalTo(token))
            .willReturn(okJson(body)));
  }
}
