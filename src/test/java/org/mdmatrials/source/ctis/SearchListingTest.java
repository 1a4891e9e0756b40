package org.mdmatrials.source.ctis;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mdmatrials.TestHttp;
import org.mdmatrials.http.MalformedResponseException;
import org.mdmatrials.http.RetryPolicy;

/**
 * The API's 10,000 results a query, with search responses derived from a real summary: copies of it
 * under made-up CT numbers, as many as a search announcing 10,500 trials would serve.
 */
class SearchListingTest {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String SEARCH = "/ctis-public-api/search";
  private static final int ANNOUNCED = 10_500;
  private static final int WINDOW = 10_000;
  private static final int SIZE = 100;
  private static final ObjectNode CRITERIA =
      JsonNodeFactory.instance.objectNode().put("containAll", "MDMA");

  @Test
  void listsTheTrialsPastTheWindowBySortingAscendingToo() throws Exception {
    // Descending, the window ends at trial 10,000; ascending, the first 500 are the rest.
    for (int page = 1; page <= WINDOW / SIZE; page++) {
      stubPage(page, "DESC", trials((page - 1) * SIZE, page * SIZE));
    }
    for (int page = 1; page <= 5; page++) {
      stubPage(page, "ASC", trials(ANNOUNCED - page * SIZE, ANNOUNCED - (page - 1) * SIZE));
    }

    SearchListing.Result listing = listing().list();

    assertThat(listing.announced()).isEqualTo(ANNOUNCED);
    assertThat(listing.trials())
        .hasSize(ANNOUNCED)
        .extracting(SearchListing.Listed::ctNumber)
        .doesNotHaveDuplicates()
        .contains(ctNumber(0), ctNumber(WINDOW - 1), ctNumber(WINDOW), ctNumber(ANNOUNCED - 1));
    assertThat(listing.pages()).isEqualTo(105);
    registry.verify(100, searched("DESC"));
    registry.verify(5, searched("ASC"));
  }

  @Test
  void failsNamingTheQueryAndTheCountsWhenTheAscendingSearchAddsTooFew() {
    // Ascending, the registry serves trials already listed (as ties at the seam could), then
    // nothing: 500 stay unlisted.
    for (int page = 1; page <= WINDOW / SIZE; page++) {
      stubPage(page, "DESC", trials((page - 1) * SIZE, page * SIZE));
    }
    for (int page = 1; page <= 5; page++) {
      stubPage(page, "ASC", trials((page - 1) * SIZE, page * SIZE));
    }
    stubPage(6, "ASC", List.of());

    assertThatThrownBy(() -> listing().list())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage(
            "Unusable response from "
                + registry.baseUrl()
                + SEARCH
                + ": the search {\"containAll\":\"MDMA\"} announced 10500 trials but 10000"
                + " distinct came in 106 pages (at most 10000 a query, sorted by decisionDate"
                + " descending and ascending)");
  }

  @Test
  void failsAtOnceWhenMoreTrialsMatchThanBothSortOrdersReach() {
    registry.stubFor(post(SEARCH).willReturn(okJson(CtisFixtures.page(20_001, trials(0, SIZE)))));

    assertThatThrownBy(() -> listing().list())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageEndingWith(
            ": the search {\"containAll\":\"MDMA\"} matches 20001 trials, but the API serves at"
                + " most 10000 a query and sorting both ways reaches 20000: narrow the search"
                + " terms");
    registry.verify(1, postRequestedFor(urlPathEqualTo(SEARCH)));
  }

  @Test
  void failsWhenTheCountChangesWhileThePagesAreRead() {
    stubPage(1, "DESC", trials(0, SIZE));
    registry.stubFor(
        post(SEARCH)
            .withRequestBody(matchingJsonPath("$.pagination.page", equalTo("2")))
            .willReturn(okJson(CtisFixtures.page(ANNOUNCED + 1, trials(SIZE, 2 * SIZE)))));

    assertThatThrownBy(() -> listing().list())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageEndingWith(
            "announced 10500 trials, then 10501 on page 2 sorted DESC: the registry changed while"
                + " it was read");
  }

  private SearchListing listing() {
    RetryPolicy oneTry = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, d -> {});
    CtisApi api =
        new CtisApi(
            TestHttp.client(oneTry), HttpUrl.get(registry.baseUrl()), JsonMapper.builder().build());
    return new SearchListing(api, CRITERIA, SIZE, WINDOW);
  }

  /** Trials {@code from} (inclusive) to {@code to} of the descending order. */
  private static List<ObjectNode> trials(int from, int to) {
    ObjectNode summary = CtisFixtures.summary(CtisFixtures.ZANAMIVIR);
    return IntStream.range(from, to)
        .mapToObj(i -> CtisFixtures.renumbered(summary, ctNumber(i)))
        .toList();
  }

  private static String ctNumber(int i) {
    return String.format("2099-5%05d-00-00", i);
  }

  private static void stubPage(int page, String direction, List<ObjectNode> trials) {
    registry.stubFor(
        post(SEARCH)
            .withRequestBody(matchingJsonPath("$.pagination.page", equalTo(Integer.toString(page))))
            .withRequestBody(matchingJsonPath("$.sort.direction", equalTo(direction)))
            .willReturn(okJson(CtisFixtures.page(ANNOUNCED, trials))));
  }

  private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder searched(
      String direction) {
    return postRequestedFor(urlPathEqualTo(SEARCH))
        .withRequestBody(matchingJsonPath("$.sort.direction", equalTo(direction)));
  }
}
