package org.mdmatrials.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
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
import picocli.CommandLine;

/**
 * What {@code run} prints after a night some registries could not be reached, word for word: the
 * four registries are stand-ins serving recorded records on the first night, and on the second all
 * but ClinicalTrials.gov (or all four) point at a closed port.
 */
class NightSummaryTest {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path output;
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path config;
  private String closed;

  @BeforeEach
  void firstNight() throws Exception {
    MdmaLikeRegistries.serve(registry, false);
    config =
        TestConfig.write(
            dir,
            "sources:",
            "  ctgov:",
            "    search: {query.term: MDMA}",
            "  isrctn:",
            "    query: MDMA",
            "  ctis:",
            "    query: MDMA",
            "  euctr:",
            "    query: MDMA");
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = "http://127.0.0.1:" + socket.getLocalPort();
    }
    assertThat(run(registry.baseUrl(), registry.baseUrl())).as(err.toString()).isZero();
    out.getBuffer().setLength(0);
  }

  @Test
  void tellsOfThreeRegistriesUnreachableInFiveLinesUnderQuiet() throws Exception {
    int exit = run(registry.baseUrl(), closed, "--quiet");

    assertThat(exit).isEqualTo(3);
    Path snapshot = output.resolve("latest").toRealPath();
    String day =
        firstSnapshot().substring(0, 4)
            + "-"
            + firstSnapshot().substring(4, 6)
            + "-"
            + firstSnapshot().substring(6, 8);
    String host = closed.substring("http://".length());
    assertThat(out.toString())
        .isEqualTo(
            "Published "
                + output.resolve("snapshots").resolve(snapshot.getFileName())
                + " with warnings: 28 trials, 18 with MDMA as an intervention (PTSD 8,"
                + " ANXIETY_LIFE_THREATENING_ILLNESS 3, SOCIAL_ANXIETY 2, COUPLES_THERAPY 2,"
                + " OTHER 3). Since the previous snapshot: 0 added, 0 removed, 0 changes.\n"
                + "Warning: ISRCTN: could not reach "
                + host
                + " (connection refused); its 1 trial was carried over from "
                + day
                + "\n"
                + "Warning: EU CTIS: could not reach "
                + host
                + " (connection refused); its 2 trials were carried over from "
                + day
                + "\n"
                + "Warning: EU Clinical Trials Register: could not reach "
                + host
                + " (connection refused); its 2 trials were carried over from "
                + day
                + "\n"
                + "The next run asks ISRCTN, EU CTIS and EU Clinical Trials Register again; if one"
                + " keeps failing, check the network and its address, or switch it off with"
                + " enabled: false under sources.isrctn, sources.ctis or sources.euctr. Details: "
                + output.resolve("snapshots").resolve(snapshot.getFileName()).resolve("run.json")
                + "\n");
    assertThat(out.toString().lines()).hasSizeLessThanOrEqualTo(8);
    assertThat(err.toString()).isEmpty();
    // The counts said are those the snapshot holds, read back from its database.
    assertThat(
            SqlRows.of(
                snapshot.resolve("trials.sqlite"),
                "SELECT registry, carried_over FROM run_sources ORDER BY registry"))
        .containsExactly("CTGOV 0", "CTIS 2", "EUCTR 2", "ISRCTN 1");
    // Nothing changed: a trial carried over is the trial as it was, its linked ids in their order.
    assertThat(Files.readAllLines(snapshot.resolve("changes.csv"))).hasSize(1);
    registry.verify(2, getRequestedFor(urlPathEqualTo("/api/v2/studies")));
  }

  @Test
  void tellsOfAFailedNightWithoutClaimingAnyTrialWasCarriedOver() throws Exception {
    int exit = run(closed, closed);

    assertThat(exit).isEqualTo(1);
    List<Path> reports;
    try (var files = Files.list(output.resolve("runs"))) {
      reports = files.toList();
    }
    assertThat(reports).hasSize(1);
    String host = closed.substring("http://".length());
    String unreachable = ": could not reach " + host + " (connection refused)\n";
    assertThat(err.toString())
        .isEqualTo(
            "mdma-trials: the harvest failed and nothing was published; "
                + output.resolve("latest")
                + " still holds the snapshot of "
                + firstSnapshot().substring(0, 4)
                + "-"
                + firstSnapshot().substring(4, 6)
                + "-"
                + firstSnapshot().substring(6, 8)
                + " ("
                + firstSnapshot()
                + ").\n"
                + "  ClinicalTrials.gov"
                + unreachable
                + "  ISRCTN"
                + unreachable
                + "  EU CTIS"
                + unreachable
                + "  EU Clinical Trials Register"
                + unreachable
                + "No registry could be harvested: check the network and their addresses"
                + " (sources.ctgov.url, sources.isrctn.url, sources.ctis.url and"
                + " sources.euctr.url); the next run tries again. Details: "
                + reports.get(0)
                + "\n");
    assertThat(out.toString()).isEmpty();
    JsonNode report = Fixtures.JSON.readTree(reports.get(0).toFile());
    assertThat(report.get("sources").findValuesAsText("carried_over")).containsOnly("0");
    assertThat(report.get("errors").toString()).doesNotContain("carried");
  }

  /** The run id of the first night's snapshot. */
  private String firstSnapshot() throws Exception {
    try (var snapshots = Files.list(output.resolve("snapshots"))) {
      return snapshots.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
    }
  }

  /** A run with ClinicalTrials.gov at {@code ctgov} and the other three at {@code others}. */
  private int run(String ctgov, String others, String... flags) {
    CommandLine cli = Main.commandLine(Modules.SHIPPED.all(), () -> false);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> args = new ArrayList<>(List.of("run"));
    args.addAll(List.of(flags));
    args.addAll(
        List.of(
            "--config",
            config.toString(),
            "--output",
            output.toString(),
            "--ctgov-url",
            ctgov + "/api/v2",
            "--isrctn-url",
            others,
            "--ctis-url",
            others,
            "--euctr-url",
            others));
    return cli.execute(args.toArray(String[]::new));
  }
}
