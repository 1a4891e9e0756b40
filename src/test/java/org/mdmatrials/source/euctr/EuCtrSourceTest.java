package org.mdmatrials.source.euctr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mdmatrials.source.euctr.EuCtrDownloads.LARGE_TRIAL;
import static org.mdmatrials.source.euctr.EuCtrDownloads.SMALL_TRIAL;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mdmatrials.CollectingSink;
import org.mdmatrials.TestHttp;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.core.Trial;
import org.mdmatrials.http.HttpStatusException;
import org.mdmatrials.http.MalformedResponseException;
import org.mdmatrials.http.RetryPolicy;
import org.mdmatrials.source.HarvestScope;

class EuCtrSourceTest {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String DOWNLOAD = "/ctr-search/rest/download/full";
  private static final String QUERY = "MDMA OR midomafetamine";
  private static final RetryPolicy ONE_TRY =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, d -> {});
  private final CollectingSink collected = new CollectingSink();

  @Test
  void collapsesTheRecordedDownloadIntoOneTrialPerEudraCtNumberAndStopsAtItsShortPage()
      throws Exception {
    stubPage(1, EuCtrDownloads.recorded());

    SourceSummary summary = source().harvest(collected, HarvestScope.full());

    assertThat(collected.trials)
        .extracting(Trial::trialId)
        .containsExactly(SMALL_TRIAL, LARGE_TRIAL);
    assertThat(collected.trials.get(0).countries()).containsExactly("Spain", "Sweden");
    assertThat(collected.trials.get(1).countries())
        .containsExactly("France", "Greece", "Hungary", "Poland", "Portugal", "Spain");
    assertThat(summary)
        .isEqualTo(
            new SourceSummary(EuCtrModule.REGISTRY, "query=" + QUERY, true, null, 2, 2, 0, 1));
    List<LoggedRequest> requests = registry.findAll(getRequestedFor(urlPathEqualTo(DOWNLOAD)));
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).getUrl())
        .isEqualTo(DOWNLOAD + "?query=MDMA%20OR%20midomafetamine&page=1&mode=current_page");
  }

  @Test
  void asksForTheNextPageWhileAPageHoldsTwentyTrials() throws Exception {
    // Page 1: twenty trials made of the recorded records under other numbers; page 2: the
    // recording itself, whose two trials end the paging.
    stubPage(1, EuCtrDownloads.renumberedPage(1, 20));
    stubPage(2, EuCtrDownloads.recorded());

    SourceSummary summary = source().harvest(collected, HarvestScope.full());

    assertThat(collected.trials).hasSize(22);
    assertThat(collected.trials.get(0).trialId()).isEqualTo("2022-900001-62");
    assertThat(collected.trials.get(21).trialId()).isEqualTo(LARGE_TRIAL);
    assertThat(summary.received()).isEqualTo(22);
    assertThat(summary.pages()).isEqualTo(2);
    List<LoggedRequest> requests = registry.findAll(getRequestedFor(urlPathEqualTo(DOWNLOAD)));
    assertThat(requests)
        .extracting(r -> r.queryParameter("page").firstValue())
        .containsExactly("1", "2");
    for (LoggedRequest request : requests) {
      assertThat(request.queryParameter("query").firstValue()).isEqualTo(QUERY);
      assertThat(request.queryParameter("mode").firstValue()).isEqualTo("current_page");
    }
  }

  @Test
  void stopsAtAnEmptyPageAfterAFullOne() throws Exception {
    // Twenty trials exactly: the page after them holds the recorded header and no record.
    stubPage(1, EuCtrDownloads.renumberedPage(1, 20));
    stubPage(2, EuCtrDownloads.header());

    SourceSummary summary = source().harvest(collected, HarvestScope.full());

    assertThat(collected.trials).hasSize(20);
    assertThat(summary.pages()).isEqualTo(2);
    assertThat(summary.received()).isEqualTo(20);
  }

  @Test
  void failsWhenATrialComesAgainOnALaterPage() {
    // A register that ignores the page number: page 2 repeats page 1.
    stubPage(1, EuCtrDownloads.renumberedPage(1, 20));
    stubPage(2, EuCtrDownloads.renumberedPage(1, 20));

    assertThatThrownBy(() -> source().harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage(
            "Unusable response from "
                + registry.baseUrl()
                + DOWNLOAD
                + "?query=MDMA%20OR%20midomafetamine&page=2&mode=current_page: trial"
                + " 2022-900001-62 came again on page 2: the register ignored the page number or"
                + " the order changed while paging");
    assertThat(collected.trials).hasSize(20);
  }

  @Test
  void failsRatherThanStopWhenThePagesAreStillFullAtTheLimit() {
    stubPage(1, EuCtrDownloads.renumberedPage(1, 20));
    stubPage(2, EuCtrDownloads.renumberedPage(21, 20));
    EuCtrSource twoPagesAtMost = new EuCtrSource(TestHttp.client(ONE_TRY), baseUrl(), QUERY, 2);

    assertThatThrownBy(() -> twoPagesAtMost.harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageEndingWith(
            "page=2&mode=current_page: page 2 was still full: more than 40 trials match, more than"
                + " this source pages through");
    registry.verify(2, getRequestedFor(urlPathEqualTo(DOWNLOAD)));
  }

  @Test
  void skipsATrialWithADateThatIsNotADateAndGoesOn() throws Exception {
    // The Greek record's first-entry date (line 1700 of the recording) rewritten in words.
    stubPage(
        1,
        EuCtrDownloads.recorded()
            .replace("EudraCT database: 2022-06-01", "EudraCT database: 1 June 2022"));

    SourceSummary summary = source().harvest(collected, HarvestScope.full());

    assertThat(collected.trials).extracting(Trial::trialId).containsExactly(SMALL_TRIAL);
    assertThat(collected.skipped)
        .containsExactly(
            new SkippedRecord(
                EuCtrModule.REGISTRY,
                LARGE_TRIAL,
                1,
                2,
                "line 1700 (Date on which this record was first entered in the EudraCT database)",
                "Expected a date as yyyy, yyyy-MM or yyyy-MM-dd but was \"1 June 2022\""));
    assertThat(summary.received()).isEqualTo(2);
    assertThat(summary.skipped()).isEqualTo(1);
  }

  @Test
  void handsOnEachTrialsMemberStateRecordsAsServed() throws Exception {
    stubPage(1, EuCtrDownloads.recorded());

    source().harvest(collected, HarvestScope.full());

    assertThat(EuCtrDownloads.header() + String.join("", collected.payloads))
        .isEqualTo(EuCtrDownloads.recorded());
  }

  @Test
  void harvestsInFullEvenWhenAskedForRecentUpdatesOnly() throws Exception {
    stubPage(1, EuCtrDownloads.recorded());

    SourceSummary summary =
        source().harvest(collected, HarvestScope.updatedSince(LocalDate.parse("2026-11-26")));

    assertThat(summary.full()).isTrue();
    LoggedRequest request = registry.findAll(getRequestedFor(urlPathEqualTo(DOWNLOAD))).get(0);
    assertThat(request.getQueryParams().keySet()).containsOnly("query", "page", "mode");
  }

  @Test
  void reportsAnErrorStatusWithItsUrl() {
    registry.stubFor(
        get(urlPathEqualTo(DOWNLOAD))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body><h1>Not Found</h1></body></html>")));

    assertThatThrownBy(() -> source().harvest(collected, HarvestScope.full()))
        .isInstanceOf(HttpStatusException.class)
        .hasMessage(
            "HTTP 404 from "
                + registry.baseUrl()
                + DOWNLOAD
                + "?query=MDMA%20OR%20midomafetamine&page=1&mode=current_page:"
                + " <html><body><h1>Not Found</h1></body></html>");
  }

  @Test
  void refusesAnHtmlPageServedAsSuccess() {
    registry.stubFor(
        get(urlPathEqualTo(DOWNLOAD))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html;charset=UTF-8")
                    .withBody("<html><body>Maintenance</body></html>")));

    assertThatThrownBy(() -> source().harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining(
            "expected Content-Type text/plain but was \"text/html;charset=UTF-8\": <html>");
  }

  @Test
  void refusesTextThatIsNotADownload() {
    stubPage(1, "The service is temporarily unavailable. Please try again later.\n");

    assertThatThrownBy(() -> source().harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageEndingWith(
            "expected the download's header or a trial record but was \"The service is"
                + " temporarily unavailable. Please try again later.\" at line 1");
  }

  @Test
  void refusesBytesThatAreNotUtf8AndHandsOnNothing() {
    // The recording with one byte that cannot occur in UTF-8 in the middle of its first title.
    byte[] recorded = EuCtrDownloads.recorded().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream broken = new ByteArrayOutputStream();
    broken.write(recorded, 0, 1000);
    broken.write(0xFF);
    broken.write(recorded, 1000, recorded.length - 1000);
    registry.stubFor(
        get(urlPathEqualTo(DOWNLOAD)).willReturn(text().withBody(broken.toByteArray())));

    assertThatThrownBy(() -> source().harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageEndingWith("not valid UTF-8 text");
    assertThat(collected.trials).isEmpty();
  }

  @Test
  void fetchesAgainAPageThatCameBackUnreadable() throws Exception {
    // A maintenance notice served as text first, then the recording.
    registry.stubFor(
        get(urlPathEqualTo(DOWNLOAD))
            .inScenario("notice")
            .whenScenarioStateIs(STARTED)
            .willReturn(text().withBody("Down for maintenance"))
            .willSetStateTo("back"));
    registry.stubFor(
        get(urlPathEqualTo(DOWNLOAD))
            .inScenario("notice")
            .whenScenarioStateIs("back")
            .willReturn(text().withBody(EuCtrDownloads.recorded())));
    List<Duration> waits = new ArrayList<>();
    RetryPolicy threeTries =
        new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ZERO, waits::add);

    SourceSummary summary =
        new EuCtrSource(TestHttp.client(threeTries), baseUrl(), QUERY)
            .harvest(collected, HarvestScope.full());

    assertThat(summary.received()).isEqualTo(2);
    assertThat(waits).hasSize(1);
    registry.verify(2, getRequestedFor(urlPathEqualTo(DOWNLOAD)));
  }

  @Test
  void refusesAnEmptyQuery() {
    assertThatThrownBy(() -> new EuCtrSource(TestHttp.client(ONE_TRY), baseUrl(), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the query must not be empty: it would match every trial");
  }

  private static EuCtrSource source() {
    return new EuCtrSource(TestHttp.client(ONE_TRY), baseUrl(), QUERY);
  }

  private static HttpUrl baseUrl() {
    return HttpUrl.get(registry.baseUrl());
  }

  private static void stubPage(int page, String body) {
    registry.stubFor(
        get(urlPathEqualTo(DOWNLOAD))
            .withQueryParam("page", equalTo(Integer.toString(page)))
            .willReturn(text().withBody(body.getBytes(StandardCharsets.UTF_8))));
  }

  private static ResponseDefinitionBuilder text() {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/plain;charset=UTF-8");
  }
}
