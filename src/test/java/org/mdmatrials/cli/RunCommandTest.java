package org.mdmatrials.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.Fixtures;
import org.mdmatrials.SqlRows;
import org.mdmatrials.TestConfig;
import picocli.CommandLine;

/**
 * The {@code run} command end to end, against a stand-in ClinicalTrials.gov serving real records.
 */
class RunCommandTest {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path output;
  @TempDir Path config;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void standIn() {
    registry.stubFor(
        get("/api/v2/version").willReturn(okJson(Fixtures.version("2026-11-27T09:15:02"))));
  }

  @Test
  void publishesCsvAndSqliteAsLatest() throws Exception {
    registry.stubFor(
        get(urlPathEqualTo("/api/v2/studies"))
            .willReturn(
                okJson(
                    Fixtures.page(
                        3,
                        null,
                        Fixtures.study("NCT03934567"),
                        Fixtures.study("NCT00184067"),
                        Fixtures.study("NCT03275402")))));

    int exit =
        run(
            "run",
            "--config",
            TestConfig.ctgovOnly(config, 1000).toString(),
            "--output",
            output.toString(),
            "--ctgov-url",
            registry.baseUrl() + "/api/v2");

    assertThat(exit).as(err.toString()).isZero();
    Path latest = output.resolve("latest");
    assertThat(Files.isSymbolicLink(latest)).isTrue();
    assertThat(Files.readSymbolicLink(latest).toString()).matches("snapshots/\\d{8}T\\d{6}Z");
    List<CSVRecord> rows = csv(latest.resolve("trials.csv"));
    assertThat(rows.get(0).values())
        .startsWith(
            "trial_id",
            "registry",
            "url",
            "title",
            "official_title",
            "acronym",
            "mdma_role",
            "primary_category",
            "categories",
            "category_evidence",
            "overall_status",
            "phases",
            "study_type",
            "enrollment",
            "enrollment_type",
            "start_date",
            "primary_completion_date",
            "completion_date",
            "first_posted",
            "last_update_posted",
            "lead_sponsor",
            "collaborators",
            "conditions",
            "keywords",
            "interventions",
            "countries",
            "has_results",
            "secondary_ids",
            "source_version",
            "harvested_at");
    assertThat(rows.stream().skip(1).map(r -> r.get(0)))
        .containsExactly("NCT00184067", "NCT03275402", "NCT03934567");
    CSVRecord first = rows.get(1);
    assertThat(first.get(14)).isEqualTo("ACTUAL");
    assertThat(first.get(15)).isEqualTo("2004-05");
    assertThat(first.get(7)).isEqualTo("OTHER");
    assertThat(first.get(6)).isEqualTo("MENTIONED");
    assertThat(first.get(28)).isEqualTo("2026-11-27T09:15:02");

    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + latest.resolve("trials.sqlite"));
        ResultSet rs =
            db.createStatement().executeQuery("SELECT count(*), min(trial_id) FROM trials")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(3);
      assertThat(rs.getString(2)).isEqualTo("NCT00184067");
    }
    assertThat(out.toString())
        .contains("Published " + output.resolve("snapshots"))
        .contains(": 3 trials");
    registry.verify(
        getRequestedFor(urlPathEqualTo("/api/v2/studies"))
            .withHeader("User-Agent", matching("mdma-trials/\\d+\\.\\d+\\.\\d+.*"))
            .withQueryParam("query.term", equalTo("MDMA")));
  }

  @Test
  void failsAFirstNightWithExitOneTellingThatThereIsNoSnapshotYet() throws Exception {
    registry.stubFor(
        get(urlPathEqualTo("/api/v2/studies"))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "text/plain")
                    .withBody("Internal error")));

    int exit =
        run(
            "run",
            "--config",
            TestConfig.ctgovOnly(config, 1000).toString(),
            "--output",
            output.toString(),
            "--ctgov-url",
            registry.baseUrl() + "/api/v2");

    assertThat(exit).isEqualTo(1);
    assertThat(output.resolve("latest")).doesNotExist();
    try (var left = Files.list(output.resolve("snapshots"))) {
      assertThat(left).isEmpty();
    }
    List<Path> reports;
    try (var files = Files.list(output.resolve("runs"))) {
      reports = files.toList();
    }
    assertThat(reports).hasSize(1);
    assertThat(err.toString())
        .isEqualTo(
            "mdma-trials: the harvest failed and nothing was published; there is no snapshot yet"
                + " (no "
                + output.resolve("latest")
                + ").\n"
                + "  ClinicalTrials.gov: localhost:"
                + registry.getPort()
                + " answered HTTP 500 (a fault on the registry's side): Internal error\n"
                + "Check the network and the registry's address (sources.ctgov.url); the next run"
                + " tries again. Details: "
                + reports.get(0)
                + "\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void namesNoReportThatCouldNotBeWritten() throws Exception {
    registry.stubFor(
        get(urlPathEqualTo("/api/v2/studies"))
            .willReturn(aResponse().withStatus(500).withBody("Internal error")));
    // A file where the folder of failed runs' reports should be: the report cannot be written.
    Files.writeString(output.resolve("runs"), "");

    int exit =
        run(
            "run",
            "--config",
            TestConfig.ctgovOnly(config, 1000).toString(),
            "--output",
            output.toString(),
            "--ctgov-url",
            registry.baseUrl() + "/api/v2");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .endsWith(
            "Check the network and the registry's address (sources.ctgov.url); the next run tries"
                + " again.\n")
        .doesNotContain("Details")
        .doesNotContain(output.resolve("runs").toString());
  }

  @Test
  void keepsAsManySnapshotsAsTheConfigSays() throws Exception {
    registry.stubFor(
        get(urlPathEqualTo("/api/v2/studies"))
            .willReturn(okJson(Fixtures.page(1, null, Fixtures.study("NCT03934567")))));
    Path file =
        TestConfig.write(
            config, "keep-snapshots: 1", "sources:", "  ctgov:", "    search: {query.term: MDMA}");
    String[] args = {
      "run",
      "--config",
      file.toString(),
      "--output",
      output.toString(),
      "--ctgov-url",
      registry.baseUrl() + "/api/v2"
    };

    assertThat(run(args)).as(err.toString()).isZero();
    String first = Files.readSymbolicLink(output.resolve("latest")).getFileName().toString();
    assertThat(run(args)).as(err.toString()).isZero();

    try (var snapshots = Files.list(output.resolve("snapshots"))) {
      assertThat(snapshots.map(p -> p.getFileName().toString()))
          .singleElement()
          .isNotEqualTo(first)
          .isEqualTo(Files.readSymbolicLink(output.resolve("latest")).getFileName().toString());
    }
    assertThat(SqlRows.of(output.resolve("history.sqlite"), "SELECT count(*) FROM runs"))
        .containsExactly("2");
  }

  @Test
  void refusesABadUrlFlagNamingIt() throws Exception {
    int exit =
        run(
            "run",
            "--config",
            TestConfig.ctgovOnly(config, 1000).toString(),
            "--output",
            output.toString(),
            "--ctgov-url",
            "ftp://example");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("--ctgov-url: expected an http or https URL but was \"ftp://example\"");
  }

  @Test
  void refusesAnUnknownConfigKeyNamingIt() throws Exception {
    Path file = output.resolve("harvester.yaml");
    Files.writeString(
        file, "sources:\n  ctgov:\n    pagesize: 10\n    search: {query.term: MDMA}\n");

    int exit = run("run", "--config", file.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains(file + ": unknown key 'sources.ctgov.pagesize'");
  }

  @Test
  void refusesAnUnknownOptionAsBadUsage() {
    assertThat(run("run", "--ouput", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("'--ouput'").contains("Possible solutions: --output");
  }

  @Test
  void printsItsVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("mdma-trials ").doesNotContain("${");
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static List<CSVRecord> csv(Path file) throws Exception {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      assertThat(reader.read()).isEqualTo('\uFEFF');
      try (CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
        return parser.getRecords();
      }
    }
  }
}
