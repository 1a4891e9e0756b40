package org.mdmatrials.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.Fixtures;
import org.mdmatrials.TestConfig;

/**
 * The {@code run} command as cron starts it, in a process of its own: killed with SIGKILL at
 * several moments, and started twice at once; and the {@code schedule} command stopped by SIGTERM.
 */
class CrashAndOverlapTest {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final int PAGES = 8;
  private static final int PER_PAGE = 100;

  @TempDir Path output;
  @TempDir Path config;

  /** Eight slow pages of renumbered copies of a real study, so that a run lasts a while. */
  @BeforeEach
  void slowStandIn() {
    registry.stubFor(
        get("/api/v2/version").willReturn(okJson(Fixtures.version("2026-11-27T09:15:02"))));
    ObjectNode study = Fixtures.study("NCT00184067");
    for (int page = 0; page < PAGES; page++) {
      int first = page * PER_PAGE;
      ObjectNode[] studies =
          IntStream.range(first, first + PER_PAGE)
              .mapToObj(n -> Fixtures.renumbered(study, n))
              .toArray(ObjectNode[]::new);
      String token = page + 1 < PAGES ? "page" + (page + 1) : null;
      registry.stubFor(
          get(urlPathEqualTo("/api/v2/studies"))
              .withQueryParam("pageToken", page == 0 ? absent() : equalTo("page" + page))
              .willReturn(
                  okJson(Fixtures.page(page == 0 ? PAGES * PER_PAGE : null, token, studies))
                      .withFixedDelay(300)));
    }
  }

  @Test
  void aRunKilledAtAnyMomentLeavesLatestComplete() throws Exception {
    Process clean = startRun();
    assertThat(clean.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(clean.exitValue())
        .as(new String(clean.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
    String first = latestSnapshot();
    assertLatestIsComplete();

    killWhen(staging -> Files.exists(staging.resolve("trials.sqlite")));
    assertThat(latestSnapshot()).isEqualTo(first);
    assertLatestIsComplete();

    killWhen(staging -> Files.exists(staging.resolve("trials.csv")));
    assertLatestIsComplete();

    Process last = startRun();
    assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(last.exitValue()).isZero();
    assertLatestIsComplete();
    try (var snapshots = Files.list(output.resolve("snapshots"))) {
      assertThat(snapshots.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.startsWith("."));
    }
  }

  @Test
  void twoRunsStartedTogetherOneIsRefused() throws Exception {
    Process one = startRun();
    Process two = startRun();
    assertThat(one.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(two.waitFor(60, TimeUnit.SECONDS)).isTrue();

    List<Integer> exits = List.of(one.exitValue(), two.exitValue());
    assertThat(exits).containsExactlyInAnyOrder(0, ExitCode.LOCKED);
    Process refused = one.exitValue() == ExitCode.LOCKED ? one : two;
    assertThat(new String(refused.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("another run is using this output folder (");
    assertLatestIsComplete();
  }

  @Test
  void theSchedulerStoppedBySigtermDuringAHarvestPublishesNothing() throws Exception {
    Process scheduler =
        start(
            "schedule",
            "--config",
            TestConfig.ctgovOnly(config, 1000).toString(),
            "--now",
            "--cron",
            "0 0 3 * * ?",
            "--output",
            output.toString(),
            "--ctgov-url",
            registry.baseUrl() + "/api/v2",
            "--rate-limit",
            "0");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (staging().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(staging()).as("a harvest in progress").isPresent();

    scheduler.destroy();

    assertThat(scheduler.waitFor(15, TimeUnit.SECONDS)).as("stopped within 15 s").isTrue();
    // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks, which stopped the scheduler.
    assertThat(scheduler.exitValue()).isEqualTo(143);
    assertThat(output.resolve("latest")).doesNotExist();
    assertThat(staging()).isEmpty();
    try (var reports = Files.list(output.resolve("runs"))) {
      Path report = reports.findFirst().orElseThrow();
      assertThat(Fixtures.JSON.readTree(report.toFile()).get("outcome").asText())
          .isEqualTo("FAILED");
    }
  }

  /**
   * Starts a run and kills it with SIGKILL once its staging folder satisfies {@code moment}; checks
   * that it was killed there, half-way, with its unfinished snapshot left behind.
   */
  private void killWhen(Predicate<Path> moment) throws Exception {
    Process run = startRun();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (run.isAlive() && System.nanoTime() < deadline && staging().filter(moment).isEmpty()) {
      Thread.sleep(1);
    }
    assertThat(run.isAlive()).as("the run was still going at the moment to kill it").isTrue();
    run.destroyForcibly().waitFor();
    assertThat(staging()).as("an unfinished snapshot left behind").isPresent();
  }

  private java.util.Optional<Path> staging() throws IOException {
    if (!Files.isDirectory(output.resolve("snapshots"))) {
      return java.util.Optional.empty();
    }
    try (var entries = Files.list(output.resolve("snapshots"))) {
      return entries.filter(p -> p.getFileName().toString().startsWith(".staging-")).findFirst();
    }
  }

  private Process startRun() throws IOException {
    return start(
        "run",
        "--config",
        TestConfig.ctgovOnly(config, 1000).toString(),
        "--output",
        output.toString(),
        "--ctgov-url",
        registry.baseUrl() + "/api/v2",
        "--rate-limit",
        "0");
  }

  private static Process start(String... arguments) throws IOException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.PIPE)
        .start();
  }

  private String latestSnapshot() throws IOException {
    return Files.readSymbolicLink(output.resolve("latest")).toString();
  }

  /** latest is one whole run: its CSV, SQLite and report all complete and from the same run. */
  private void assertLatestIsComplete() throws Exception {
    Path latest = output.resolve("latest").toRealPath();
    String runId = latest.getFileName().toString();
    long csvRows;
    try (Reader reader =
            Files.newBufferedReader(latest.resolve("trials.csv"), StandardCharsets.UTF_8);
        CSVParser csv =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      csvRows = csv.stream().peek(r -> assertThat(r.isConsistent()).isTrue()).count();
    }
    assertThat(csvRows).isEqualTo(PAGES * PER_PAGE);
    try (Connection db =
            DriverManager.getConnection(
                "jdbc:sqlite:" + latest.resolve("trials.sqlite") + "?open_mode=1");
        ResultSet rs =
            db.createStatement()
                .executeQuery("SELECT (SELECT count(*) FROM trials), run_id FROM runs")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(csvRows);
      assertThat(rs.getString(2)).isEqualTo(runId);
    }
    assertThat(Fixtures.JSON.readTree(latest.resolve("run.json").toFile()).get("run_id").asText())
        .isEqualTo(runId);
    assertThat(new File(latest.toFile(), "trials.sqlite-journal")).doesNotExist();
  }
}
