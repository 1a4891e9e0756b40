package org.mdmatrials.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.Fixtures;
import org.mdmatrials.core.ResultsStatus;

/**
 * All four registries at once, with the shipped config: the records that name one trial become one
 * row, and a registry that fails is carried over from the last snapshot.
 *
 * <p>The real recorded records do not name each other, so two are derived (MdmaLikeRegistries) to
 * make a chain: a ClinicalTrials.gov study (the recorded NCT03934567) renumbered to NCT04494412,
 * the NCT number the recorded CTIS trial 2024-510663-34-00 names, and given ISRCTN41823570 as a
 * secondary id; and the recorded ISRCTN41823570 given the EudraCT number of the recorded EU CTR
 * trial 2022-002568-62. CTIS names ClinicalTrials.gov, which names ISRCTN, which names the EU CTR.
 */
class FourRegistriesTest {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String ISRCTN_QUERY = "/api/query/format/default";
  private static final List<String> RESULTS_STATUSES =
      Stream.of(ResultsStatus.values()).map(Enum::name).toList();

  @TempDir Path output;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void registries() {
    registry.stubFor(
        get("/api/v2/version").willReturn(okJson(Fixtures.version("2026-11-27T09:15:02"))));
    registry.stubFor(
        get(urlPathEqualTo("/api/v2/studies"))
            .willReturn(okJson(Fixtures.page(1, null, MdmaLikeRegistries.joined()))));
    MdmaLikeRegistries.serveIsrctnCtisAndEuCtr(registry);
  }

  @Test
  void makesOneRowOfATrialFourRegistriesList() throws Exception {
    assertThat(run()).as(err.toString()).isZero();

    List<String> rows =
        rows("SELECT trial_id, registry, linked_ids, source_status FROM trials ORDER BY trial_id");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).isEqualTo("2021-002179-21 EUCTR 2021-002179-21 fresh");
    assertThat(rows.get(1)).startsWith("2023-505613-24-00 CTIS 2023-505613-24-00; NCT04665037");
    assertThat(rows.get(2))
        .startsWith("NCT04494412 CTGOV NCT04494412; ISRCTN41823570; ")
        .contains("2024-510663-34-00", "2019-001588-63", "2022-002568-62")
        .endsWith(" fresh");
    assertThat(
            rows(
                "SELECT registry || ' ' || record_id || ' ' || trial_id FROM source_records WHERE trial_id = 'NCT04494412' ORDER BY registry"))
        .containsExactly(
            "CTGOV NCT04494412 NCT04494412",
            "CTIS 2024-510663-34-00 NCT04494412",
            "EUCTR 2022-002568-62 NCT04494412",
            "ISRCTN ISRCTN41823570 NCT04494412");
  }

  @Test
  void writesTheEvidenceColumnsOfEachRegistrysRecordsIntoTrialsCsv() throws Exception {
    assertThat(run()).as(err.toString()).isZero();

    Map<String, Map<String, String>> trials = new HashMap<>();
    try (var reader = Files.newBufferedReader(output.resolve("latest/trials.csv"));
        var csv =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      for (CSVRecord record : csv) {
        trials.put(record.get(0), record.toMap());
      }
    }
    List<String> columns =
        List.of(
            "primary_outcomes",
            "publications",
            "why_stopped",
            "status_verified",
            "min_age",
            "max_age",
            "sex",
            "healthy_volunteers",
            "allocation",
            "masking",
            "primary_purpose");
    // The EU register's record: F.1 to F.3, E.8.1 and E.5.1.
    assertThat(columns.stream().map(trials.get("2021-002179-21")::get))
        .containsExactly(
            trials.get("2021-002179-21").get("primary_outcomes"),
            "",
            "",
            "",
            "18 Years",
            "",
            "ALL",
            "0",
            "RANDOMIZED",
            "DOUBLE",
            "");
    assertThat(trials.get("2021-002179-21").get("primary_outcomes"))
        .startsWith("The study has two following primary endpoints")
        .endsWith("[week 24]");
    // CTIS's record: its primary end points, sexes and groups of trial subjects.
    assertThat(columns.stream().map(trials.get("2023-505613-24-00")::get))
        .containsExactly(
            trials.get("2023-505613-24-00").get("primary_outcomes"),
            "",
            "",
            "",
            "",
            "",
            "ALL",
            "0",
            "",
            "",
            "");
    assertThat(trials.get("2023-505613-24-00").get("primary_outcomes"))
        .startsWith(
            "Average concentration (Cavg) of single-dose IV POS (Panel A); Maximum concentration")
        .endsWith("; AUC0-24 of multiple-dose PFS (Panel B)");
    // The joined trial: who may take part, the design and the outcomes come from the most
    // recently updated record that gives them, ISRCTN's.
    Map<String, String> joined = trials.get("NCT04494412");
    assertThat(joined.get("primary_outcomes"))
        .startsWith("Incident of treatment failure up to 12 weeks")
        .endsWith("[2, 4 and 12 weeks]");
    assertThat(List.of(joined.get("min_age"), joined.get("max_age"), joined.get("sex")))
        .containsExactly("40 Years", "99 Years", "ALL");
    assertThat(List.of(joined.get("allocation"), joined.get("primary_purpose")))
        .containsExactly("RANDOMIZED", "TREATMENT");
    // The status, and when it was last verified, come from one record: ISRCTN's, the newest with
    // a status, which gives no such date (ClinicalTrials.gov's 2025-04 is of its own status).
    assertThat(joined.get("status_verified")).isEmpty();
    assertThat(trials.values())
        .allSatisfy(t -> assertThat(t.get("results_status")).isIn(RESULTS_STATUSES));
  }

  @Test
  void carriesAFailedRegistryOverFromTheLastSnapshot() throws Exception {
    assertThat(run()).as(err.toString()).isZero();
    registry.stubFor(
        get(urlPathEqualTo(ISRCTN_QUERY))
            .willReturn(aResponse().withStatus(500).withBody("Internal Server Error")));

    int exit = run();

    assertThat(exit).isEqualTo(3);
    String host = registry.baseUrl().substring("http://".length());
    String problem =
        host + " answered HTTP 500 (a fault on the registry's side): Internal Server Error";
    assertThat(out.toString())
        .contains(
            "Warning: ISRCTN: "
                + problem
                + "; its 1 trial was carried over from "
                + LocalDate.now(ZoneOffset.UTC));
    List<String> rows =
        rows("SELECT trial_id, source_status FROM trials WHERE trial_id = 'NCT04494412'");
    assertThat(rows)
        .singleElement()
        .asString()
        .matches("NCT04494412 .*ISRCTN: carried over \\(data of 2026-.*Z\\).*");
    assertThat(rows("SELECT registry || ' ' || error FROM run_sources WHERE error IS NOT NULL"))
        .singleElement()
        .asString()
        .isEqualTo("ISRCTN " + problem);
  }

  private int run() throws Exception {
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> args = new ArrayList<>(List.of("run"));
    args.addAll(MdmaLikeRegistries.runFlags(output.toString(), registry.baseUrl()));
    return cli.execute(args.toArray(String[]::new));
  }

  private List<String> rows(String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + output.resolve("latest/trials.sqlite"));
        ResultSet rs = db.createStatement().executeQuery(sql)) {
      int width = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
          cells.add(rs.getString(i));
        }
        rows.add(String.join(" ", cells));
      }
    }
    return rows;
  }
}
