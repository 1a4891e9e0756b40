package org.mdmatrials.source.ctis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mdmatrials.source.ctis.CtisFixtures.POSACONAZOLE;
import static org.mdmatrials.source.ctis.CtisFixtures.ZANAMIVIR;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mdmatrials.CollectingSink;
import org.mdmatrials.Fixtures;
import org.mdmatrials.TestHttp;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.core.Trial;
import org.mdmatrials.http.HttpClients;
import org.mdmatrials.http.HttpSettings;
import org.mdmatrials.http.HttpStatusException;
import org.mdmatrials.http.MalformedResponseException;
import org.mdmatrials.http.RegistryClient;
import org.mdmatrials.http.RetryPolicy;
import org.mdmatrials.source.HarvestScope;

class CtisSourceTest {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String SEARCH = "/ctis-public-api/search";
  private static final String RETRIEVE = "/ctis-public-api/retrieve/";
  private static final RetryPolicy ONE_TRY =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, d -> {});
  private final CollectingSink collected = new CollectingSink();
  private final List<Duration> waits = new ArrayList<>();

  @Test
  void listsTheSearchThenRetrievesEachTrialByItsCtNumber() throws Exception {
    registry.stubFor(post(SEARCH).willReturn(okJson(CtisFixtures.searchPage())));
    stubRecords();

    SourceSummary summary = source().harvest(collected, HarvestScope.full());

    assertThat(collected.trials)
        .extracting(Trial::trialId, Trial::registry)
        .containsExactly(
            tuple(ZANAMIVIR, CtisModule.REGISTRY), tuple(POSACONAZOLE, CtisModule.REGISTRY));
    assertThat(summary)
        .isEqualTo(
            new SourceSummary(
                CtisModule.REGISTRY, "{\"containAll\":\"MDMA\"}", true, null, 2, 2, 0, 1));
    registry.verify(
        postRequestedFor(urlPathEqualTo(SEARCH))
            .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
            .withRequestBody(
                equalToJson(
                    "{\"pagination\":{\"page\":1,\"size\":100},"
                        + "\"searchCriteria\":{\"containAll\":\"MDMA\"},"
                        + "\"sort\":{\"property\":\"decisionDate\",\"direction\":\"DESC\"}}")));
    assertThat(registry.findAll(getRequestedFor(urlPathMatching(RETRIEVE + ".*"))))
        .extracting(LoggedRequest::getUrl)
        .containsExactly(RETRIEVE + ZANAMIVIR, RETRIEVE + POSACONAZOLE);
  }

  @Test
  void asksForPageAfterPageWithTheSameCriteriaUntilAllAnnouncedAreListed() throws Exception {
    stubSearch(1, "DESC", CtisFixtures.page(2, List.of(CtisFixtures.summary(ZANAMIVIR))));
    stubSearch(2, "DESC", CtisFixtures.page(2, List.of(CtisFixtures.summary(POSACONAZOLE))));
    stubRecords();

    SourceSummary summary = source(1, 10).harvest(collected, HarvestScope.full());

    assertThat(collected.trials)
        .extracting(Trial::trialId)
        .containsExactly(ZANAMIVIR, POSACONAZOLE);
    assertThat(summary.pages()).isEqualTo(2);
    assertThat(registry.findAll(postRequestedFor(urlPathEqualTo(SEARCH))))
        .extracting(r -> Fixtures.JSON.readTree(r.getBodyAsString()))
        .extracting(
            b -> b.at("/pagination/page").asInt(),
            b -> b.at("/pagination/size").asInt(),
            b -> b.at("/searchCriteria/containAll").asText(),
            b -> b.at("/sort/direction").asText())
        .containsExactly(tuple(1, 1, "MDMA", "DESC"), tuple(2, 1, "MDMA", "DESC"));
  }

  @Test
  void harvestsInFullAndSaysSoWhenAskedOnlyForRecentUpdates() throws Exception {
    registry.stubFor(post(SEARCH).willReturn(okJson(CtisFixtures.searchPage())));
    stubRecords();

    SourceSummary summary =
        source().harvest(collected, HarvestScope.updatedSince(LocalDate.parse("2026-11-26")));

    assertThat(summary.full()).isTrue();
    assertThat(collected.trials).hasSize(2);
    registry.verify(
        postRequestedFor(urlPathEqualTo(SEARCH))
            .withRequestBody(
                equalToJson("{\"searchCriteria\":{\"containAll\":\"MDMA\"}}", true, true)));
  }

  @Test
  void listsTheOldestTrialsSortedAscendingWhenMoreMatchThanOneQueryServes() throws Exception {
    // A window of one trial a query: the descending search serves the newer trial only, the
    // ascending one the older.
    stubSearch(1, "DESC", CtisFixtures.page(2, List.of(CtisFixtures.summary(ZANAMIVIR))));
    stubSearch(1, "ASC", CtisFixtures.page(2, List.of(CtisFixtures.summary(POSACONAZOLE))));
    stubRecords();

    SourceSummary summary = source(1, 1).harvest(collected, HarvestScope.full());

    assertThat(collected.trials)
        .extracting(Trial::trialId)
        .containsExactly(ZANAMIVIR, POSACONAZOLE);
    assertThat(summary.expected()).isEqualTo(2);
    assertThat(summary.received()).isEqualTo(2);
    assertThat(summary.pages()).isEqualTo(2);
    registry.verify(2, postRequestedFor(urlPathEqualTo(SEARCH)));
  }

  @Test
  void failsNamingTheQueryAndTheCountsWhenFewerTrialsAreListedThanAnnounced() {
    stubSearch(1, "DESC", CtisFixtures.page(3, List.of(CtisFixtures.summary(ZANAMIVIR))));
    stubSearch(2, "DESC", CtisFixtures.page(3, List.of(CtisFixtures.summary(POSACONAZOLE))));
    stubSearch(3, "DESC", CtisFixtures.page(3, List.of()));

    assertThatThrownBy(() -> source(1, 10).harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage(
            "Unusable response from "
                + registry.baseUrl()
                + SEARCH
                + ": the search {\"containAll\":\"MDMA\"} announced 3 trials but 2 distinct came"
                + " in 3 pages (at most 10 a query, sorted by decisionDate descending)");
    assertThat(collected.trials).isEmpty();
  }

  @Test
  void retriesTheFirewallsRefusalsUntilItLetsTheRequestThrough() throws Exception {
    refuseTwiceThenServe(CtisFixtures.searchPage());
    stubRecords();

    SourceSummary summary = source(threeTries()).harvest(collected, HarvestScope.full());

    assertThat(summary.received()).isEqualTo(2);
    registry.verify(3, postRequestedFor(urlPathEqualTo(SEARCH)));
    assertThat(waits).hasSize(2);
  }

  @Test
  void failsNamingTheUrlWhenTheFirewallKeepsRefusing() {
    registry.stubFor(
        get(urlPathEqualTo(RETRIEVE + POSACONAZOLE))
            .willReturn(aResponse().withStatus(403).withBody("Request blocked.")));
    registry.stubFor(post(SEARCH).willReturn(okJson(CtisFixtures.searchPage())));
    registry.stubFor(
        get(urlPathEqualTo(RETRIEVE + ZANAMIVIR))
            .willReturn(okJson(CtisFixtures.recordText(ZANAMIVIR))));

    assertThatThrownBy(() -> source(threeTries()).harvest(collected, HarvestScope.full()))
        .isInstanceOf(HttpStatusException.class)
        .hasMessage(
            "HTTP 403 from " + registry.baseUrl() + RETRIEVE + POSACONAZOLE + ": Request blocked.");
    registry.verify(3, getRequestedFor(urlPathEqualTo(RETRIEVE + POSACONAZOLE)));
    assertThat(waits).hasSize(2);
  }

  @Test
  void retriesRefusalsOnTopOfTheSharedClientsRetriesAndUserAgent() throws Exception {
    registry.stubFor(
        post(SEARCH)
            .inScenario("burst")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429))
            .willSetStateTo("throttled"));
    registry.stubFor(
        post(SEARCH)
            .inScenario("burst")
            .whenScenarioStateIs("throttled")
            .willReturn(aResponse().withStatus(403))
            .willSetStateTo("refused"));
    registry.stubFor(
        post(SEARCH)
            .inScenario("burst")
            .whenScenarioStateIs("refused")
            .willReturn(okJson(CtisFixtures.searchPage())));
    stubRecords();
    RetryPolicy policy = threeTries();
    HttpSettings http =
        new HttpSettings(
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            3,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            0);
    RegistryClient shared =
        new RegistryClient(
            HttpClients.create(http, "mdma-trials-test (a@b.example)"), policy, Clock.systemUTC());

    new CtisSource(shared, HttpUrl.get(registry.baseUrl()), "MDMA")
        .harvest(collected, HarvestScope.full());

    assertThat(collected.trials).hasSize(2);
    assertThat(waits).hasSize(2);
    registry.verify(
        3,
        postRequestedFor(urlPathEqualTo(SEARCH))
            .withHeader("User-Agent", equalTo("mdma-trials-test (a@b.example)")));
  }

  @Test
  void refusesASearchAnsweredWithAnHtmlPage() {
    registry.stubFor(
        post(SEARCH)
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body>Please enable JavaScript</body></html>")));

    assertThatThrownBy(() -> source().harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage(
            "Unusable response from "
                + registry.baseUrl()
                + SEARCH
                + ": expected Content-Type application/json but was \"text/html\":"
                + " <html><body>Please enable JavaScript</body></html>");
  }

  @Test
  void reportsASearchErrorWithItsUrlAndQuery() {
    registry.stubFor(post(SEARCH).willReturn(aResponse().withStatus(400).withBody("Bad Request")));

    assertThatThrownBy(() -> source().harvest(collected, HarvestScope.full()))
        .isInstanceOf(HttpStatusException.class)
        .hasMessageStartingWith("HTTP 400 from " + registry.baseUrl() + SEARCH + ": search {")
        .hasMessageContaining("\"containAll\":\"MDMA\"")
        .hasMessageEndingWith(": Bad Request");
  }

  @Test
  void refusesASearchWithoutItsCount() {
    registry.stubFor(post(SEARCH).willReturn(okJson("{\"data\": []}")));

    assertThatThrownBy(() -> source().harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageEndingWith("expected a count at $.pagination.totalRecords but was nothing");
  }

  @Test
  void keepsEachRecordAsServed() throws Exception {
    registry.stubFor(post(SEARCH).willReturn(okJson(CtisFixtures.searchPage())));
    stubRecords();

    source().harvest(collected, HarvestScope.full());

    assertThat(collected.payloads)
        .containsExactly(CtisFixtures.recordText(ZANAMIVIR), CtisFixtures.recordText(POSACONAZOLE));
  }

  @Test
  void fetchesAgainARecordThatArrivedCutShort() throws Exception {
    String whole = CtisFixtures.recordText(ZANAMIVIR);
    registry.stubFor(
        post(SEARCH)
            .willReturn(okJson(CtisFixtures.page(1, List.of(CtisFixtures.summary(ZANAMIVIR))))));
    registry.stubFor(
        get(RETRIEVE + ZANAMIVIR)
            .inScenario("cut")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson(whole.substring(0, whole.length() / 2)))
            .willSetStateTo("whole"));
    registry.stubFor(
        get(RETRIEVE + ZANAMIVIR)
            .inScenario("cut")
            .whenScenarioStateIs("whole")
            .willReturn(okJson(whole)));

    source(threeTries()).harvest(collected, HarvestScope.full());

    assertThat(collected.payloads).containsExactly(whole);
    assertThat(waits).hasSize(1);
  }

  @Test
  void skipsARecordInThePre2024ShapeNamingWhatIsMissing() throws Exception {
    // A real record, as ctrdata stored it from the API CTIS served before June 2024: Part I sits
    // at the top, not under authorizedApplication.
    String old = "2023-508143-51-01";
    registry.stubFor(
        post(SEARCH)
            .willReturn(
                okJson(
                    CtisFixtures.page(
                        2,
                        List.of(
                            CtisFixtures.renumbered(CtisFixtures.summary(ZANAMIVIR), old),
                            CtisFixtures.summary(POSACONAZOLE))))));
    registry.stubFor(
        get(RETRIEVE + old).willReturn(okJson(CtisFixtures.storedByCtrdata(old).toString())));
    stubRecords();

    SourceSummary summary = source().harvest(collected, HarvestScope.full());

    assertThat(collected.trials).extracting(Trial::trialId).containsExactly(POSACONAZOLE);
    assertThat(summary.skipped()).isEqualTo(1);
    assertThat(summary.received()).isEqualTo(2);
    assertThat(collected.skipped)
        .containsExactly(
            new SkippedRecord(
                CtisModule.REGISTRY,
                old,
                1,
                1,
                "$.authorizedApplication",
                "Expected an object but was nothing"));
  }

  @Test
  void skipsARecordOfTheWrongShapeSayingWhatWasExpectedAndFound() throws Exception {
    ObjectNode bad = CtisFixtures.record(POSACONAZOLE);
    ((ObjectNode) bad.at("/authorizedApplication/authorizedPartI")).put("products", "Posaconazole");
    registry.stubFor(post(SEARCH).willReturn(okJson(CtisFixtures.searchPage())));
    registry.stubFor(
        get(RETRIEVE + ZANAMIVIR).willReturn(okJson(CtisFixtures.recordText(ZANAMIVIR))));
    registry.stubFor(get(RETRIEVE + POSACONAZOLE).willReturn(okJson(bad.toString())));

    source().harvest(collected, HarvestScope.full());

    assertThat(collected.trials).extracting(Trial::trialId).containsExactly(ZANAMIVIR);
    SkippedRecord skipped = collected.skipped.get(0);
    assertThat(skipped.trialId()).isEqualTo(POSACONAZOLE);
    assertThat(skipped.page()).isEqualTo(1);
    assertThat(skipped.position()).isEqualTo(2);
    assertThat(skipped.path()).isEqualTo("$.authorizedApplication.authorizedPartI.products");
    assertThat(skipped.problem())
        .isEqualTo("Expected an array but was the string \"Posaconazole\"");
  }

  @Test
  void skipsARecordOfAnotherTrialThanAskedFor() throws Exception {
    registry.stubFor(
        post(SEARCH)
            .willReturn(okJson(CtisFixtures.page(1, List.of(CtisFixtures.summary(ZANAMIVIR))))));
    registry.stubFor(
        get(RETRIEVE + ZANAMIVIR).willReturn(okJson(CtisFixtures.recordText(POSACONAZOLE))));

    SourceSummary summary = source().harvest(collected, HarvestScope.full());

    assertThat(summary.skipped()).isEqualTo(1);
    assertThat(collected.skipped.get(0).path()).isEqualTo("$.ctNumber");
    assertThat(collected.skipped.get(0).problem())
        .isEqualTo("Expected \"" + ZANAMIVIR + "\" but was the string \"" + POSACONAZOLE + "\"");
  }

  @Test
  void skipsASummaryWithoutCtNumberAndCountsIt() throws Exception {
    ObjectNode nameless = CtisFixtures.summary(ZANAMIVIR);
    nameless.remove("ctNumber");
    registry.stubFor(
        post(SEARCH)
            .willReturn(
                okJson(
                    CtisFixtures.page(2, List.of(nameless, CtisFixtures.summary(POSACONAZOLE))))));
    stubRecords();

    SourceSummary summary = source().harvest(collected, HarvestScope.full());

    assertThat(collected.trials).extracting(Trial::trialId).containsExactly(POSACONAZOLE);
    assertThat(summary.received()).isEqualTo(2);
    assertThat(summary.skipped()).isEqualTo(1);
    assertThat(collected.skipped)
        .containsExactly(
            new SkippedRecord(
                CtisModule.REGISTRY,
                null,
                1,
                1,
                "$.data[0].ctNumber",
                "Expected a CT number but was nothing"));
    registry.verify(0, getRequestedFor(urlPathEqualTo(RETRIEVE + ZANAMIVIR)));
  }

  private CtisSource source() {
    return source(ONE_TRY);
  }

  private CtisSource source(RetryPolicy retries) {
    return new CtisSource(TestHttp.client(retries), HttpUrl.get(registry.baseUrl()), "MDMA");
  }

  private CtisSource source(int pageSize, int window) {
    return new CtisSource(
        TestHttp.client(ONE_TRY), HttpUrl.get(registry.baseUrl()), "MDMA", pageSize, window);
  }

  private RetryPolicy threeTries() {
    return new RetryPolicy(
        3, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ZERO, waits::add);
  }

  private static void stubSearch(int page, String direction, String body) {
    registry.stubFor(
        post(SEARCH)
            .withRequestBody(matchingJsonPath("$.pagination.page", equalTo(Integer.toString(page))))
            .withRequestBody(matchingJsonPath("$.sort.direction", equalTo(direction)))
            .willReturn(okJson(body)));
  }

  private static void stubRecords() {
    for (String ctNumber : List.of(ZANAMIVIR, POSACONAZOLE)) {
      registry.stubFor(
          get(RETRIEVE + ctNumber).willReturn(okJson(CtisFixtures.recordText(ctNumber))));
    }
  }

  /** The search refused by the firewall twice, then served. */
  private static void refuseTwiceThenServe(String body) {
    String[] states = {STARTED, "refused once", "refused twice"};
    for (int i = 0; i < states.length; i++) {
      boolean last = i == states.length - 1;
      var stub =
          post(SEARCH)
              .inScenario("firewall")
              .whenScenarioStateIs(states[i])
              .willReturn(last ? okJson(body) : aResponse().withStatus(403));
      registry.stubFor(last ? stub : stub.willSetStateTo(states[i + 1]));
    }
  }
}
