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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.Fixtures;

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
