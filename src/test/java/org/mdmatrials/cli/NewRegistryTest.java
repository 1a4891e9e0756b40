package org.mdmatrials.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.mdmatrials.source.RegistryModule;
import org.mdmatrials.source.trialbook.TrialBookModule;
import picocli.CommandLine;

/**
 * A new registry is one package and one line: TrialBook, a registry made up for this test (package
 * source.trialbook under src/test), added to the shipped list of modules and nothing else, is
 * harvested, joined with the ClinicalTrials.gov study it cites, listed by validate, given its
 * --trialbook-url flag, and described in the data dictionary.
 */
class NewRegistryTest {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** The shipped modules and one line more. */
  private static final List<RegistryModule> MODULES = withTrialBook();

  @TempDir Path output;
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path config;

  @BeforeEach
  void registries() throws Exception {
    registry.stubFor(
        get("/api/v2/version").willReturn(okJson(Fixtures.version("2026-11-27T09:15:02"))));
    registry.stubFor(
        get(urlPathEqualTo("/api/v2/studies"))
            .willReturn(okJson(Fixtures.page(1, null, Fixtures.study("NCT03934567")))));
    registry.stubFor(
        get(urlPathEqualTo("/trials"))
            .withQueryParam("q", equalTo("MDMA"))
            .willReturn(
                okJson(
                    "{\"trials\": [{\"id\": \"TB000123\", \"title\": \"As TrialBook lists it\","
                        + " \"conditions\": [\"PTSD\"], \"cites\": [\"NCT03934567\"]}]}")));
    config =
        TestConfig.write(
            dir,
            "sources:",
            "  ctgov:",
            "    search: {query.term: MDMA}",
            "  trialbook:",
            "    query: MDMA");
  }

  @Test
  void harvestsTheNewRegistryAndJoinsItsTrialWithTheOneItCites() throws Exception {
    int exit =
        run(
            "run",
            "--config",
            config.toString(),
            "--output",
            output.toString(),
            "--ctgov-url",
            registry.baseUrl() + "/api/v2",
            "--trialbook-url",
            registry.baseUrl());

    assertThat(exit).as(err.toString()).isZero();
    registry.verify(getRequestedFor(urlPathEqualTo("/trials")));
    Path db = output.resolve("latest/trials.sqlite");
    assertThat(SqlRows.of(db, "SELECT trial_id, linked_ids FROM trials"))
        .containsExactly("NCT03934567 NCT03934567; TB000123");
    assertThat(
            SqlRows.of(
                db, "SELECT registry, record_id, trial_id FROM source_records ORDER BY registry"))
        .containsExactly("CTGOV NCT03934567 NCT03934567", "TRIALBOOK TB000123 NCT03934567");
    assertThat(SqlRows.of(db, "SELECT registry, received FROM run_sources ORDER BY registry"))
        .containsExactly("CTGOV 1", "TRIALBOOK 1");
    assertThat(
            Files.readString(output.resolve("latest/column_sources.csv"), StandardCharsets.UTF_8))
        .contains("trials,title,TRIALBOOK,title\r\n");
    assertThat(
            Files.readString(output.resolve("latest/data_dictionary.csv"), StandardCharsets.UTF_8))
        .contains("TRIALBOOK (TrialBook)");
  }

  @Test
  void validateListsTheNewRegistrysSettings() {
    int exit = run("validate", "--config", config.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("sources.trialbook.enabled:")
        .contains("sources.trialbook.url:")
        .containsPattern("sources.trialbook.query: +MDMA");
  }

  @Test
  void runOffersTheNewRegistrysUrlFlag() {
    int exit = run("run", "--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("--trialbook-url=URL", "TrialBook address");
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine(MODULES);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static List<RegistryModule> withTrialBook() {
    List<RegistryModule> modules = new ArrayList<>(Modules.SHIPPED.all());
    modules.add(new TrialBookModule());
    return modules;
  }
}
