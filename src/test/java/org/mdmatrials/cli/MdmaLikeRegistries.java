package org.mdmatrials.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.List;
import org.mdmatrials.Fixtures;

/**
 * The four registries as local stand-ins, serving a snapshot's worth of MDMA-like trials, for the
 * tests of what researchers see (report.html, {@code show}) and for the screenshot in
 * docs/report.png.
 *
 * <p>ClinicalTrials.gov serves the seven recorded real studies unchanged (they only mention MDMA),
 * the recorded NCT03934567 renumbered to NCT04494412 and joined to ISRCTN, CTIS and the EU CTR as
 * in {@link FourRegistriesTest}, and {@link #MDMA_LIKE} studies derived from the recorded ones:
 * renumbered, with the title, conditions, interventions, status, phases, start date and enrolment
 * written in to resemble MDMA-assisted therapy trials. Those titles are illustrative, not those of
 * registered trials. Each study's record history is NCT03690141's recorded one made the study's
 * ({@link #serveRecordHistory}). ISRCTN, CTIS and the EU CTR serve their recorded records.
 */
final class MdmaLikeRegistries {
  private static final String ISRCTN_QUERY = "/api/query/format/default";
  private static final List<String> RECORDED =
      List.of(
          "NCT00184067",
          "NCT00567567",
          "NCT00716976",
          "NCT01305200",
          "NCT01987596",
          "NCT03275402",
          "NCT03934567");

  /** What is written into a recorded study to make it an MDMA-like one. */
  private record Like(
      String title,
      List<String> conditions,
      String status,
      String start,
      List<String> phases,
      int enrolment) {}

  private static final List<Like> MDMA_LIKE =
      List.of(
          like(
              "MDMA-Assisted Psychotherapy for Chronic PTSD",
              "PTSD",
              "COMPLETED",
              "2004-03",
              "PHASE2",
              23),
          like(
              "MDMA-Assisted Psychotherapy for PTSD in Veterans and First Responders",
              "PTSD",
              "COMPLETED",
              "2010-11",
              "PHASE2",
              26),
          like(
              "MDMA-Assisted Therapy for Social Anxiety in Autistic Adults",
              "Social Anxiety",
              "COMPLETED",
              "2014-02",
              "PHASE2",
              12),
          like(
              "MDMA-Assisted Therapy for Anxiety Associated With a Life-Threatening Illness",
              "Anxiety; Life-threatening Illness",
              "COMPLETED",
              "2015-05",
              "PHASE2",
              18),
          like(
              "MDMA-Assisted Cognitive-Behavioral Conjoint Therapy for PTSD",
              "PTSD",
              "COMPLETED",
              "2016-11",
              "PHASE1; PHASE2",
              12),
          like(
              "MDMA-Assisted Therapy for Alcohol Use Disorder",
              "Alcohol Use Disorder",
              "COMPLETED",
              "2017",
              "PHASE1",
              14),
          like(
              "MDMA-Assisted Therapy for Severe PTSD",
              "PTSD",
              "COMPLETED",
              "2018-11",
              "PHASE3",
              91),
          like(
              "Open-Label MDMA-Assisted Therapy for PTSD",
              "PTSD",
              "ACTIVE_NOT_RECRUITING",
              "2019-06",
              "PHASE2",
              50),
          like(
              "MDMA-Assisted Therapy for Moderate to Severe PTSD",
              "PTSD",
              "COMPLETED",
              "2020-08",
              "PHASE3",
              104),
          like(
              "MDMA-Assisted Therapy for PTSD With Eating Disorders",
              "PTSD",
              "COMPLETED",
              "2021-02",
              "PHASE2",
              18),
          like(
              "MDMA-Assisted Massed Prolonged Exposure for PTSD",
              "PTSD",
              "RECRUITING",
              "2022-09",
              "PHASE2",
              30),
          like(
              "MDMA-Assisted Couples Therapy for PTSD in Veterans and Their Partners",
              "PTSD",
              "RECRUITING",
              "2023-05",
              "PHASE2",
              40),
          like(
              "MDMA-Assisted Therapy for Demoralization in Metastatic Cancer",
              "Demoralization; Cancer",
              "RECRUITING",
              "2023-10",
              "PHASE2",
              24),
          like(
              "Group Therapy With MDMA for PTSD in Veterans",
              "PTSD",
              "RECRUITING",
              "2024-03",
              "PHASE2",
              40),
          like(
              "MDMA-Assisted Group Therapy for Social Anxiety Disorder",
              "Social Anxiety Disorder",
              "RECRUITING",
              "2024-11",
              "PHASE2",
              36),
          like(
              "Effects of MDMA on Emotion Recognition in Healthy Volunteers",
              "Healthy",
              "COMPLETED",
              "2008-01",
              "PHASE1",
              24),
          like(
              "MDMA for Distress at the End of Life in Palliative Care",
              "Distress; Palliative Care",
              "NOT_YET_RECRUITING",
              "2025-07",
              "PHASE1",
              30),
          like("MDMA and Fear Extinction Learning", "Healthy", "WITHDRAWN", null, "", 0));

  private MdmaLikeRegistries() {}

  /**
   * Serves the first night's records, or the second night's: one trial completed and one added, and
   * the last one gone from the registry.
   */
  static void serve(WireMockExtension registry, boolean secondNight) {
    registry.stubFor(
        get("/api/v2/version").willReturn(okJson(Fixtures.version("2026-11-27T09:15:02"))));
    List<ObjectNode> studies = ctgovStudies(secondNight);
    registry.stubFor(
        get(urlPathEqualTo("/api/v2/studies"))
            .willReturn(
                okJson(Fixtures.page(studies.size(), null, studies.toArray(ObjectNode[]::new)))));
    studies.forEach(study -> serveRecordHistory(registry, study));
    serveIsrctnCtisAndEuCtr(registry);
  }

  /**
   * ClinicalTrials.gov's record history of a study: the recorded listing of NCT03690141
   * (fixtures/ctgov/history), its current record replaced by the study's and its first registered
   * outcomes said to be the same, but for the Group Therapy study, which keeps NCT03690141's as
   * first registered: a primary outcome switched since registration.
   */
  private static void serveRecordHistory(WireMockExtension registry, ObjectNode study) {
    String nctId = study.at("/protocolSection/identificationModule/nctId").asText();
    ObjectNode listing = Fixtures.json("ctgov/history/NCT03690141-history.json");
    listing.set("study", study);
    ObjectNode history = (ObjectNode) listing.get("history");
    if (!nctId.equals(mdmaLikeId(13))) {
      history.putObject("originalData").put("primaryOutcomesSame", true);
    }
    registry.stubFor(
        get(urlPathEqualTo("/api/int/studies/" + nctId))
            .withQueryParam("history", equalTo("true"))
            .willReturn(okJson(listing.toString())));
  }

  /**
   * The recorded ISRCTN41823570 (given the EudraCT number of the recorded EU CTR trial
   * 2022-002568-62), the two recorded CTIS trials and the recorded EU CTR download.
   */
  static void serveIsrctnCtisAndEuCtr(WireMockExtension registry) {
    serveIsrctn(registry);
    registry.stubFor(
        post("/ctis-public-api/search")
            .willReturn(okJson(Fixtures.text("ctis/search/page-1.json"))));
    for (String ct : List.of("2024-510663-34-00", "2023-505613-24-00")) {
      registry.stubFor(
          get("/ctis-public-api/retrieve/" + ct)
              .willReturn(okJson(Fixtures.text("ctis/retrieve/" + ct + ".json"))));
    }
    registry.stubFor(
        get(urlPathEqualTo("/ctr-search/rest/download/full"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/plain; charset=utf-8")
                    .withBody(Fixtures.text("euctr/full-download-2-trials.txt"))));
  }

  /** The NCT id of the {@code index}th MDMA-like study. */
  static String mdmaLikeId(int index) {
    return String.format("NCT9%07d", index);
  }

  /** The shipped config's flags, every registry pointed at the stand-in. */
  static List<String> runFlags(String output, String base) {
    return List.of(
        "--output",
        output,
        "--rate-limit",
        "0",
        "--ctgov-url",
        base + "/api/v2",
        "--isrctn-url",
        base,
        "--ctis-url",
        base,
        "--euctr-url",
        base);
  }

  private static List<ObjectNode> ctgovStudies(boolean secondNight) {
    List<ObjectNode> studies = new ArrayList<>();
    RECORDED.forEach(id -> studies.add(Fixtures.study(id)));
    studies.add(joined());
    int count = secondNight ? MDMA_LIKE.size() - 1 : MDMA_LIKE.size();
    for (int i = 0; i < count; i++) {
      Like like = MDMA_LIKE.get(i);
      if (secondNight && like.title().startsWith("Group Therapy")) {
        like =
            new Like(like.title(), like.conditions(), "COMPLETED", like.start(), like.phases(), 38);
      }
      studies.add(derive(i, like));
    }
    if (secondNight) {
      studies.add(
          derive(
              MDMA_LIKE.size(),
              like(
                  "MDMA-Assisted Therapy for PTSD After Sexual Assault",
                  "PTSD",
                  "NOT_YET_RECRUITING",
                  "2026-02",
                  "PHASE2",
                  60)));
    }
    return studies;
  }

  /**
   * The recorded NCT03934567 as NCT04494412 (the NCT number the recorded CTIS trial
   * 2024-510663-34-00 names), naming ISRCTN41823570.
   */
  static ObjectNode joined() {
    ObjectNode study = Fixtures.study("NCT03934567");
    ObjectNode identification = (ObjectNode) study.at("/protocolSection/identificationModule");
    identification.put("nctId", "NCT04494412");
    identification
        .putArray("secondaryIdInfos")
        .addObject()
        .put("id", "ISRCTN41823570")
        .put("type", "REGISTRY")
        .put("domain", "ISRCTN");
    return study;
  }

  private static ObjectNode derive(int index, Like like) {
    ObjectNode study =
        Fixtures.renumbered(Fixtures.study(RECORDED.get(index % RECORDED.size())), index);
    study.remove("derivedSection");
    ObjectNode protocol = (ObjectNode) study.get("protocolSection");
    ObjectNode identification = (ObjectNode) protocol.get("identificationModule");
    identification.put("briefTitle", like.title()).put("officialTitle", like.title());
    identification.remove("acronym");
    ObjectNode conditions = protocol.putObject("conditionsModule");
    ArrayNode names = conditions.putArray("conditions");
    for (String condition : like.conditions()) {
      names.add(condition);
    }
    protocol
        .putObject("descriptionModule")
        .put("briefSummary", "An MDMA-like study derived from a recorded ClinicalTrials.gov one.");
    ObjectNode arms = protocol.putObject("armsInterventionsModule");
    ArrayNode interventions = arms.putArray("interventions");
    interventions
        .addObject()
        .put("type", "DRUG")
        .put("name", "Midomafetamine")
        .putArray("otherNames")
        .add("MDMA");
    interventions.addObject().put("type", "BEHAVIORAL").put("name", "Manualized therapy");
    ObjectNode status = (ObjectNode) protocol.get("statusModule");
    status.put("overallStatus", like.status());
    status.remove("startDateStruct");
    if (like.start() != null) {
      status.putObject("startDateStruct").put("date", like.start());
    }
    ObjectNode design = (ObjectNode) protocol.get("designModule");
    ArrayNode phases = design.putArray("phases");
    for (String phase : like.phases()) {
      phases.add(phase);
    }
    design
        .putObject("enrollmentInfo")
        .put("count", like.enrolment())
        .put(
            "type",
            List.of("RECRUITING", "NOT_YET_RECRUITING").contains(like.status())
                ? "ESTIMATED"
                : "ACTUAL");
    return study;
  }

  private static void serveIsrctn(WireMockExtension registry) {
    String served = Fixtures.text("isrctn/query-colchicine.xml");
    String head =
        served
            .substring(0, served.indexOf("<fullTrial>"))
            .replace("totalCount=\"31\"", "totalCount=\"1\"");
    String trial =
        served
            .substring(
                served.indexOf("<fullTrial>"),
                served.indexOf("</fullTrial>") + "</fullTrial>".length())
            .replace("<eudraCTNumber/>", "<eudraCTNumber>2022-002568-62</eudraCTNumber>");
    registry.stubFor(
        get(urlPathEqualTo(ISRCTN_QUERY))
            .withQueryParam("limit", equalTo("0"))
            .willReturn(xml(head + "</allTrials>")));
    registry.stubFor(
        get(urlPathEqualTo(ISRCTN_QUERY))
            .withQueryParam("limit", equalTo("1"))
            .willReturn(xml(head + trial + "</allTrials>")));
  }

  private static Like like(
      String title, String conditions, String status, String start, String phases, int enrolment) {
    return new Like(
        title,
        List.of(conditions.split("; ")),
        status,
        start,
        phases.isEmpty() ? List.of() : List.of(phases.split("; ")),
        enrolment);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
    return aResponse().withHeader("Content-Type", "application/xml").withBody(body);
  }
}
