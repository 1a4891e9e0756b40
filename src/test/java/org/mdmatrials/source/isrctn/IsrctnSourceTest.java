package org.mdmatrials.source.isrctn;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mdmatrials.source.isrctn.IsrctnFixtures.IDS;
import static org.mdmatrials.source.isrctn.IsrctnFixtures.changed;
import static org.mdmatrials.source.isrctn.IsrctnFixtures.complete;
import static org.mdmatrials.source.isrctn.IsrctnFixtures.count;
import static org.mdmatrials.source.isrctn.IsrctnFixtures.served;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mdmatrials.CollectingSink;
import org.mdmatrials.TestHttp;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.core.Trial;
import org.mdmatrials.http.HttpStatusException;
import org.mdmatrials.http.MalformedResponseException;
import org.mdmatrials.http.RetryPolicy;
import org.mdmatrials.source.HarvestScope;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class IsrctnSourceTest {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String QUERY_PATH = "/api/query/format/default";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
  private static final RetryPolicy ONE_TRY =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, d -> {});
  private final CollectingSink collected = new CollectingSink();

  @Test
  void asksForTheCountThenForThatManyTrials() throws Exception {
    stubCount(count(5));
    stubTrials(5, xml(complete()));

    SourceSummary summary = source(ONE_TRY).harvest(collected, HarvestScope.full());

    assertThat(collected.trials).extracting(Trial::trialId).containsExactlyElementsOf(IDS);
    assertThat(summary.full()).isTrue();
    assertThat(summary.query()).isEqualTo("colchicine");
    assertThat(summary.expected()).isEqualTo(5);
    assertThat(summary.received()).isEqualTo(5);
    assertThat(summary.skipped()).isZero();
    assertThat(summary.pages()).isEqualTo(1);
    assertThat(summary.sourceVersion()).isNull();
    List<LoggedRequest> requests = registry.findAll(getRequestedFor(urlPathEqualTo(QUERY_PATH)));
    assertThat(requests)
        .extracting(r -> r.queryParameter("limit").firstValue())
        .containsExactly("0", "5");
    assertThat(requests)
        .allSatisfy(r -> assertThat(r.queryParameter("q").firstValue()).isEqualTo("colchicine"));
  }

  @Test
  void failsLoudlyWhenTheResponseHoldsFewerTrialsThanItAnnounces() {
    // The recording as served: 31 announced, 5 held (it was asked with a limit of 5).
    stubCount(count(31));
    stubTrials(31, xml(served()));

    assertThatThrownBy(() -> source(ONE_TRY).harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageStartingWith(
            "Unusable response from " + registry.baseUrl() + QUERY_PATH + "?q=colchicine&limit=31")
        .hasMessageEndingWith("totalCount announced 31 trials but 5 came (asked for 31)");
  }

  @Test
  void asksOnlyForTrialsEditedSinceTheDayInAnIncrementalHarvest() throws Exception {
    stubCount(count(5));
    stubTrials(5, xml(complete()));

    SourceSummary summary =
        source(ONE_TRY)
            .harvest(collected, HarvestScope.updatedSince(LocalDate.parse("2026-11-26")));

    assertThat(summary.full()).isFalse();
    String incremental = "(colchicine) AND lastEdited GE 2026-11-26T00:00:00.000Z";
    assertThat(summary.query()).isEqualTo(incremental);
    registry.verify(
        2, getRequestedFor(urlPathEqualTo(QUERY_PATH)).withQueryParam("q", equalTo(incremental)));
  }

  @Test
  void asksNoFurtherWhenNoTrialMatches() throws Exception {
    stubCount(count(0));

    SourceSummary summary = source(ONE_TRY).harvest(collected, HarvestScope.full());

    assertThat(summary.expected()).isZero();
    assertThat(summary.received()).isZero();
    assertThat(summary.pages()).isZero();
    assertThat(collected.trials).isEmpty();
    registry.verify(1, getRequestedFor(urlPathEqualTo(QUERY_PATH)));
  }

  @Test
  void handsOnASkippedTrialAndTheOthers() throws Exception {
    stubCount(count(5));
    stubTrials(
        5,
        xml(
            changed(
                complete(),
                "ISRCTN91308625",
                "<phase>Not Applicable</phase>",
                "<phase>Feasibility</phase>")));

    SourceSummary summary = source(ONE_TRY).harvest(collected, HarvestScope.full());

    assertThat(collected.trials).hasSize(4);
    assertThat(summary.received()).isEqualTo(5);
    assertThat(summary.skipped()).isEqualTo(1);
    assertThat(collected.skipped.get(0).trialId()).isEqualTo("ISRCTN91308625");
    assertThat(collected.skipped.get(0).path())
        .isEqualTo("/allTrials/fullTrial[4]/trial/interventions/intervention[1]/phase");
  }

  @Test
  void keepsEachFullTrialAsServed() throws Exception {
    stubCount(count(5));
    stubTrials(5, xml(complete()));

    source(ONE_TRY).harvest(collected, HarvestScope.full());

    // The payload is written anew from the parsed XML, so it is compared as XML: the same
    // elements, attributes and text as the served fullTrial, with the namespace on itself.
    DocumentBuilder dom = domBuilder();
    Document served = dom.parse(new InputSource(new StringReader(complete())));
    for (int i = 0; i < 5; i++) {
      String payload = collected.payloads.get(i);
      assertThat(payload)
          .startsWith("<fullTrial xmlns=\"" + AllTrialsReader.NAMESPACE + "\">\n  <trial ");
      Element kept = dom.parse(new InputSource(new StringReader(payload))).getDocumentElement();
      kept.removeAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns");
      Element original =
          (Element) served.getElementsByTagNameNS(AllTrialsReader.NAMESPACE, "fullTrial").item(i);
      assertThat(kept.isEqualNode(original)).as("fullTrial %d", i + 1).isTrue();
    }
  }

  @Test
  void refusesADoctypeAndFetchesNothingItNames() {
    // Derived: the complete response behind a DOCTYPE whose external DTD and entity point at
    // this server, and an entity pointing at a local file; the first trial's title uses both.
    String doctype =
        "<!DOCTYPE allTrials SYSTEM \""
            + registry.baseUrl()
            + "/evil.dtd\" [<!ENTITY remote SYSTEM \""
            + registry.baseUrl()
            + "/secret\"><!ENTITY local SYSTEM \"file:///etc/hostname\">]>";
    String response = changed(complete(), "ISRCTN41823570", "<title>", "<title>&remote;&local;");
    stubCount(count(5));
    stubTrials(5, xml("<?xml version=\"1.0\"?>" + doctype + response));

    assertThatThrownBy(() -> source(ONE_TRY).harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageEndingWith(
            "the response declares a DOCTYPE, which is refused (the ISRCTN API sends none)");
    assertThat(collected.trials).isEmpty();
    registry.verify(0, getRequestedFor(urlPathEqualTo("/evil.dtd")));
    registry.verify(0, getRequestedFor(urlPathEqualTo("/secret")));
  }

  @Test
  void reportsAnErrorStatusWithItsUrlAndMessage() {
    registry.stubFor(
        get(urlPathEqualTo(QUERY_PATH))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body><h1>Internal Server Error</h1></body></html>")));

    assertThatThrownBy(() -> source(ONE_TRY).harvest(collected, HarvestScope.full()))
        .isInstanceOf(HttpStatusException.class)
        .hasMessage(
            "HTTP 500 from "
                + registry.baseUrl()
                + QUERY_PATH
                + "?q=colchicine&limit=0: <html><body><h1>Internal Server Error</h1></body></html>");
  }

  @Test
  void refusesAnHtmlPageServedAsSuccess() {
    registry.stubFor(
        get(urlPathEqualTo(QUERY_PATH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody("<html><body>Maintenance</body></html>")));

    assertThatThrownBy(() -> source(ONE_TRY).harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining(
            "expected Content-Type application/xml or text/xml but was \"text/html;"
                + " charset=utf-8\": <html><body>Maintenance</body></html>");
  }

  @Test
  void acceptsTextXml() throws Exception {
    stubCount(count(5));
    stubTrials(
        5, aResponse().withHeader("Content-Type", "text/xml; charset=UTF-8").withBody(complete()));

    assertThat(source(ONE_TRY).harvest(collected, HarvestScope.full()).received()).isEqualTo(5);
  }

  @Test
  void refusesXmlThatIsNotAnIsrctnAnswer() {
    stubCount(aResponse().withHeader("Content-Type", "application/xml").withBody("<error/>"));

    assertThatThrownBy(() -> source(ONE_TRY).harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageEndingWith(
            "expected the root <allTrials> in namespace http://www.67bricks.com/isrctn but was"
                + " <error> in no namespace");
  }

  @Test
  void refusesAnAnswerWithoutTotalCount() {
    stubCount(xml(count(5).replace(" totalCount=\"5\"", "")));

    assertThatThrownBy(() -> source(ONE_TRY).harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageEndingWith("expected a count in <allTrials totalCount> but was none");
  }

  @Test
  void fetchesAgainAResponseThatBrokeBeforeAnyTrialWasHandedOn() throws Exception {
    String whole = complete();
    stubTrialsInTurn(whole.substring(0, whole.indexOf("<title>")), whole);
    stubCount(count(5));
    List<Duration> waits = new ArrayList<>();

    SourceSummary summary =
        source(
                new RetryPolicy(
                    3, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ZERO, waits::add))
            .harvest(collected, HarvestScope.full());

    assertThat(collected.trials).extracting(Trial::trialId).containsExactlyElementsOf(IDS);
    assertThat(summary.received()).isEqualTo(5);
    assertThat(waits).hasSize(1);
  }

  @Test
  void doesNotFetchAgainAResponseThatBrokeAfterTrialsWereHandedOn() {
    // Derived: the complete response cut in the middle of its third trial.
    String whole = complete();
    String cut = whole.substring(0, whole.indexOf("publicIdentifierCanonical=\"ISRCTN12564318\""));
    stubTrialsInTurn(cut, whole);
    stubCount(count(5));

    assertThatThrownBy(
            () ->
                source(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO, d -> {}))
                    .harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("not well-formed XML");
    assertThat(collected.trials).hasSize(2);
    registry.verify(
        1, getRequestedFor(urlPathEqualTo(QUERY_PATH)).withQueryParam("limit", equalTo("5")));
  }

  @Test
  void refusesElementsNestedDeeperThanAnyTrial() {
    String deep = "<x>".repeat(100) + "</x>".repeat(100);
    stubCount(count(5));
    stubTrials(5, xml(changed(complete(), "ISRCTN41823570", "<title>", "<title>" + deep)));

    assertThatThrownBy(() -> source(ONE_TRY).harvest(collected, HarvestScope.full()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageEndingWith("elements nested deeper than 64 levels");
  }

  private IsrctnSource source(RetryPolicy retries) {
    return new IsrctnSource(
        TestHttp.client(retries), HttpUrl.get(registry.baseUrl()), "colchicine", CLOCK);
  }

  private static ResponseDefinitionBuilder xml(String body) {
    return aResponse().withHeader("Content-Type", "application/xml").withBody(body);
  }

  private static void stubCount(String body) {
    stubCount(xml(body));
  }

  private static void stubCount(ResponseDefinitionBuilder response) {
    registry.stubFor(
        get(urlPathEqualTo(QUERY_PATH)).withQueryParam("limit", equalTo("0")).willReturn(response));
  }

  private static void stubTrials(int limit, ResponseDefinitionBuilder response) {
    registry.stubFor(
        get(urlPathEqualTo(QUERY_PATH))
            .withQueryParam("limit", equalTo(Integer.toString(limit)))
            .willReturn(response));
  }

  /** The trials request answered first with {@code first}, then with {@code then}. */
  private static void stubTrialsInTurn(String first, String then) {
    registry.stubFor(
        get(urlPathEqualTo(QUERY_PATH))
            .withQueryParam("limit", equalTo("5"))
            .inScenario("broken")
            .whenScenarioStateIs(STARTED)
            .willReturn(xml(first))
            .willSetStateTo("whole"));
    registry.stubFor(
        get(urlPathEqualTo(QUERY_PATH))
            .withQueryParam("limit", equalTo("5"))
            .inScenario("broken")
            .whenScenarioStateIs("whole")
            .willReturn(xml(then)));
  }

  private static DocumentBuilder domBuilder() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder();
  }
}
