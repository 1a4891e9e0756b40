package org.mdmatrials.source.ctgov;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mdmatrials.Fixtures;
import org.mdmatrials.TestHttp;
import org.mdmatrials.core.Outcome;
import org.mdmatrials.core.OutcomeHistory;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.http.HttpStatusException;
import org.mdmatrials.http.RetryPolicy;
import org.mdmatrials.source.MalformedRecordException;

/**
 * ClinicalTrials.gov's record history against a stand-in serving the recorded listing of
 * NCT03690141 and the recorded version 0 of NCT04280705 (fixtures/ctgov/history/PROVENANCE.md).
 */
class CtGovRecordHistoryTest {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String LISTING = "/api/int/studies/NCT03690141";
  private static final Outcome ANTI_TUMOUR =
      new Outcome(
          "Anti-tumor response as defined by a patient achieving either of the following"
              + " outcomes:",
          "52 weeks");

  @Test
  void readsTheFirstRegisteredOutcomesFromTheListingInOneRequest() throws Exception {
    registry.stubFor(get(urlPathEqualTo(LISTING)).willReturn(okJson(recordedListing())));

    OutcomeHistory history = reader(60).primaryOutcomes("NCT03690141", 60);

    // Version 5 changed the outcome's description only (RECIST to iRECIST), not its measure or
    // time frame: the primary outcomes as registered are those of today.
    assertThat(history.versions())
        .containsExactly(
            new OutcomeHistory.Version(0, PartialDate.parse("2018-09-27"), List.of(ANTI_TUMOUR)));
    assertThat(history.requests()).isEqualTo(1);
    assertThat(history.complete()).isTrue();
    registry.verify(
        1,
        getRequestedFor(urlPathEqualTo(LISTING))
            .withQueryParam("history", equalTo("true"))
            .withHeader("Accept", equalTo("application/json")));
    assertThat(registry.findAll(getRequestedFor(urlPathMatching(".*/history/.*")))).isEmpty();
  }

  @Test
  void keepsTheVersionThatSwitchedTheTimeFrameWithoutAskingForIt() throws Exception {
    // The recorded listing with the first registered time frame made 24 weeks: as if version 5,
    // which the listing names as the last to change the primary outcomes, had switched it.
    ObjectNode listing = listing();
    ((ObjectNode) listing.at("/history/originalData/primaryOutcomes/0"))
        .put("timeFrame", "24 weeks");
    registry.stubFor(get(urlPathEqualTo(LISTING)).willReturn(okJson(listing.toString())));

    OutcomeHistory history = reader(60).primaryOutcomes("NCT03690141", 60);

    assertThat(history.versions())
        .containsExactly(
            new OutcomeHistory.Version(
                0,
                PartialDate.parse("2018-09-27"),
                List.of(new Outcome(ANTI_TUMOUR.measure(), "24 weeks"))),
            new OutcomeHistory.Version(5, PartialDate.parse("2019-01-18"), List.of(ANTI_TUMOUR)));
    assertThat(history.requests()).isEqualTo(1);
  }

  @Test
  void asksForAVersionThatChangedTheOutcomesWhenTheListingDoesNotSayWhichWasLast()
      throws Exception {
    // The listing without lastUpdateVersions, and version 5 answered by the recorded version 0
    // of NCT04280705: a variant made here, for want of a recorded version of this trial.
    ObjectNode listing = listing();
    ((ObjectNode) listing.get("history")).remove("lastUpdateVersions");
    registry.stubFor(get(urlPathEqualTo(LISTING)).willReturn(okJson(listing.toString())));
    registry.stubFor(
        get(urlPathEqualTo(LISTING + "/history/5"))
            .willReturn(okJson(Fixtures.text("ctgov/history/NCT04280705-history-0.json"))));

    OutcomeHistory history = reader(60).primaryOutcomes("NCT03690141", 60);

    assertThat(history.versions())
        .extracting(OutcomeHistory.Version::number, v -> v.primaryOutcomes().get(0).label())
        .containsExactly(
            tuple(0, ANTI_TUMOUR.label()),
            tuple(
                5,
                "Percentage of subjects reporting each severity rating on the 7-point ordinal"
                    + " scale [Day 15]"));
    assertThat(history.requests()).isEqualTo(2);
    assertThat(history.complete()).isTrue();
    registry.verify(
        1,
        getRequestedFor(urlPathEqualTo(LISTING + "/history/5"))
            .withHeader("Accept", equalTo("application/json")));
  }

  @Test
  void readsNoMoreVersionsThanTheRequestsAllowed() throws Exception {
    ObjectNode listing = listing();
    ((ObjectNode) listing.get("history")).remove("lastUpdateVersions");
    registry.stubFor(get(urlPathEqualTo(LISTING)).willReturn(okJson(listing.toString())));

    OutcomeHistory history = reader(60).primaryOutcomes("NCT03690141", 1);

    assertThat(history.complete()).isFalse();
    assertThat(history.requests()).isEqualTo(1);
    assertThat(history.versions()).extracting(OutcomeHistory.Version::number).containsExactly(0);
    assertThat(registry.findAll(getRequestedFor(urlPathMatching(".*/history/.*")))).isEmpty();
  }

  @Test
  void refusesAListingWithoutItsVersionsNamingWhere() throws Exception {
    ObjectNode listing = listing();
    ((ObjectNode) listing.get("history")).remove("changes");
    registry.stubFor(get(urlPathEqualTo(LISTING)).willReturn(okJson(listing.toString())));

    assertThatThrownBy(() -> reader(60).primaryOutcomes("NCT03690141", 60))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessage("Expected a list of versions but was nothing at $.history.changes");
  }

  @Test
  void reportsARefusalWithItsStatusAndAddress() {
    registry.stubFor(get(urlPathEqualTo(LISTING)).willReturn(okJson("{}").withStatus(403)));

    assertThatThrownBy(() -> reader(60).primaryOutcomes("NCT03690141", 60))
        .isInstanceOf(HttpStatusException.class)
        .hasMessageContaining("403")
        .hasMessageContaining(registry.baseUrl() + LISTING + "?history=true");
  }

  @Test
  void readsEscapedHtmlAsTheTextABrowserShows() throws Exception {
    // A secondary outcome's measure and a primary outcome's description as the recorded
    // responses send them.
    ObjectNode version = Fixtures.json("ctgov/history/NCT04280705-history-0.json");
    String measure =
        version.at("/study/protocolSection/outcomesModule/secondaryOutcomes/23/measure").asText();
    String description =
        listing()
            .at("/study/protocolSection/outcomesModule/primaryOutcomes/0/description")
            .asText();

    assertThat(measure).contains("&lt;&#x2F;= 2");
    assertThat(CtGovRecordHistory.plain(measure))
        .isEqualTo(
            "Time to discharge or to a National Early Warning Score (NEWS) of </= 2 and"
                + " maintained for 24 hours, whichever occurs first");
    assertThat(CtGovRecordHistory.plain(description))
        .isEqualTo(
            "A \u226550% PSA decline from baseline at any time point after therapy and maintained"
                + " for \u22654 weeks Objective response according to iRECIST 1.1");
  }

  private static CtGovRecordHistory reader(int requestsPerNight) {
    RetryPolicy oneTry = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, d -> {});
    return new CtGovRecordHistory(
        TestHttp.client(oneTry),
        HttpUrl.get(registry.baseUrl() + "/api/v2"),
        requestsPerNight,
        new ObjectMapper());
  }

  private static String recordedListing() {
    return Fixtures.text("ctgov/history/NCT03690141-history.json");
  }

  private static ObjectNode listing() {
    return Fixtures.json("ctgov/history/NCT03690141-history.json");
  }
}
