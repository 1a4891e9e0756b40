package org.mdmatrials.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.Fixtures;
import org.mdmatrials.SqlRows;
import org.mdmatrials.TestConfig;

/**
 * A run with the ClinicalTrials.gov stand-in and an ICTRP export holding ANZCTR, EU register and
 * Dutch MDMA trials (fixtures/ictrp/mdma-export.xml, assembled from the trials' public records).
 *
 * <p>Derived here, as no recording holds them: ClinicalTrials.gov's NCT04030169 (the recorded
 * NCT03934567 renumbered, with that trial's title and condition) and the export's GB record of the
 * EU register's 2018-001718-13 naming NCT04030169 among its secondary ids (as the DK record of
 * 2021-000037-14 in the real 2024 export names its NCT number and its ES sibling does not).
 */
class IctrpExportTest {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String GB = "<TrialID>EUCTR2018-001718-13-GB\n    </TrialID>\n";

  @TempDir Path output;
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path export;

  @BeforeEach
  void registries() throws Exception {
    registry.stubFor(
        get("/api/v2/version").willReturn(okJson(Fixtures.version("2026-11-27T09:15:02"))));
    registry.stubFor(
        get(urlPathEqualTo("/api/v2/studies"))
            .willReturn(okJson(Fixtures.page(1, null, nct04030169()))));
    String mdma = Fixtures.text("ictrp/mdma-export.xml");
    String naming = GB + "    <Secondary_ID>NCT04030169\n    </Secondary_ID>\n";
    assertThat(mdma).contains(GB);
    export = Files.createDirectory(dir.resolve("exports")).resolve("ICTRP-Results.xml");
    Files.writeString(export, mdma.replace(GB, naming), StandardCharsets.UTF_8);
  }

  @Test
  void publishesOneRowPerTrialEachSortedAndTheEuTrialJoinedWithTheNctNumberItNames()
      throws Exception {
    Path config =
        TestConfig.write(
            dir,
            "sources:",
            "  ctgov:",
            "    search: {query.term: MDMA}",
            // The stand-in serves no record history; this test is of the export.
            "    history-requests: 0",
            "  ictrp:",
            "    file: " + export.getParent());

    assertThat(run("run", "--config", config.toString())).as(err.toString()).isZero();

    registry.verify(
        getRequestedFor(urlPathEqualTo("/api/v2/studies"))
            .withQueryParam("query.term", equalTo("MDMA")));
    Path db = output.resolve("latest/trials.sqlite");
    assertThat(
            SqlRows.of(
                db,
                "SELECT trial_id, registry, primary_category, mdma_role, linked_ids FROM trials"
                    + " ORDER BY trial_id"))
        .containsExactly(
            "ACTRN12613000685718 ANZCTR OTHER INTERVENTION ACTRN12613000685718",
            "ACTRN12619001334190 ANZCTR ANXIETY_LIFE_THREATENING_ILLNESS INTERVENTION"
                + " ACTRN12619001334190",
            "ACTRN12621001078842 ANZCTR PTSD INTERVENTION ACTRN12621001078842",
            "NCT04030169 CTGOV PTSD INTERVENTION NCT04030169; 2018-001718-13",
            "NTR3691 NL_OMON OTHER INTERVENTION NTR3691",
            "NTR6670 NL_OMON PTSD INTERVENTION NTR6670");
    // ICTRP's copy of NCT04030169 gives way to the record ClinicalTrials.gov sent.
    assertThat(
            SqlRows.of(
                db,
                "SELECT source, registry, record_id, trial_id FROM source_records"
                    + " WHERE trial_id = 'NCT04030169' ORDER BY record_key"))
        .containsExactly(
            "CTGOV CTGOV NCT04030169 NCT04030169", "ICTRP EUCTR 2018-001718-13 NCT04030169");
    assertThat(
            SqlRows.of(
                db,
                "SELECT (length(payload) - length(replace(payload, '<Trial>', ''))) / 7"
                    + " FROM source_records WHERE registry = 'EUCTR'"))
        .containsExactly("2");
    assertThat(SqlRows.of(db, "SELECT registry, query, source_version FROM run_sources"))
        .containsExactly(
            "CTGOV query.term=MDMA 2026-11-27T09:15:02",
            "ICTRP file=" + export + " 2026-12-06T21:30:00");
  }

  @Test
  void readsAnExportNamedOnTheCommandLineAndValidateListsIt() throws Exception {
    Path config = TestConfig.write(dir, "sources:", "  ctgov:", "    enabled: false");

    assertThat(
            run(
                "validate",
                "--config",
                config.toString(),
                "--ictrp-file",
                export.getParent().toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .containsPattern("sources.ictrp.enabled: +true")
        .containsPattern(
            "sources.ictrp.file: +\\Q"
                + export.getParent()
                + " (a folder: a run now reads ICTRP-Results.xml)\\E");
    assertThat(run("run", "--config", config.toString(), "--ictrp-file", export.toString()))
        .as(err.toString())
        .isZero();

    // Without ClinicalTrials.gov, ICTRP's copy of its record stands for the trial.
    assertThat(
            SqlRows.of(
                output.resolve("latest/trials.sqlite"),
                "SELECT s.source, t.registry, t.linked_ids, t.url FROM trials t"
                    + " JOIN source_records s USING (trial_id) WHERE t.trial_id = 'NCT04030169'"
                    + " ORDER BY s.record_key"))
        .containsExactly(
            "ICTRP CTGOV NCT04030169; 2018-001718-13 https://clinicaltrials.gov/ct2/show/NCT04030169",
            "ICTRP CTGOV NCT04030169; 2018-001718-13 https://clinicaltrials.gov/ct2/show/NCT04030169");
  }

  @Test
  void failsABadExportAloneAndCarriesItsTrialsOverFromTheLastSnapshot() throws Exception {
    Path config =
        TestConfig.write(
            dir,
            "sources:",
            "  ctgov:",
            "    search: {query.term: MDMA}",
            // The stand-in serves no record history; this test is of the export.
            "    history-requests: 0",
            "  ictrp:",
            "    file: " + export);
    assertThat(run("run", "--config", config.toString())).as(err.toString()).isZero();
    // A results page saved by mistake in the export's place.
    Files.writeString(export, "<!DOCTYPE html>\n<html><head><title>ICTRP</title></head></html>");

    int exit = run("run", "--config", config.toString());

    assertThat(exit).isEqualTo(3);
    assertThat(out.toString())
        .contains("WHO ICTRP export: " + export + ", line 1, column ")
        .contains("an HTML page, saved instead of the exported file?")
        .contains("; its 6 trials were carried over from ");
    Path db = output.resolve("latest/trials.sqlite");
    assertThat(SqlRows.of(db, "SELECT count(*) FROM trials")).containsExactly("6");
    assertThat(SqlRows.of(db, "SELECT source_status FROM trials WHERE trial_id = 'NTR6670'"))
        .singleElement()
        .asString()
        .matches("carried over \\(data of 2026-.*Z\\)");
  }

  private int run(String... args) {
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args));
    if (args[0].equals("run")) {
      all.addAll(
          List.of("--output", output.toString(), "--ctgov-url", registry.baseUrl() + "/api/v2"));
    }
    return cli.execute(all.toArray(String[]::new));
  }

  /** The recorded NCT03934567 as NCT04030169, titled and conditioned as that trial's record. */
  private static ObjectNode nct04030169() {
    ObjectNode study = Fixtures.study("NCT03934567");
    ObjectNode protocol = (ObjectNode) study.get("protocolSection");
    ((ObjectNode) protocol.get("identificationModule"))
        .put("nctId", "NCT04030169")
        .put(
            "briefTitle",
            "Open Label Multi-Site Study of Safety and Effects of MDMA-assisted Psychotherapy for"
                + " Treatment of PTSD With Optional fMRI Sub-Study");
    protocol.putObject("conditionsModule").putArray("conditions").add("PTSD");
    study.remove("derivedSection");
    return study;
  }
}
