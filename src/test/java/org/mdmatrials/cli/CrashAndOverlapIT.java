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
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.Fixtures;
import org.mdmatrials.SqlRows;
import org.mdmatrials.TestConfig;

/**
 * The {@code run} command as cron starts it, in a process of its own: killed with SIGKILL at each
 * moment where a crash leaves something different behind (the run pauses there, told by the
 * mdma-trials.pause-at hook, so the kill lands exactly there), and started while another run holds
 * the output folder; and the {@code schedule} command stopped by SIGTERM.
 */
class CrashAndOverlapIT {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final int PAGES = 8;
  private static final int PER_PAGE = 100;

  @TempDir Path output;
  @TempDir Path config;

  /** Eight pages of renumbered copies of a real study. */
  @BeforeEach
  void standIn() {
    serve(0);
  }

  /** Serves the pages, each {@code delayMillis} late. */
  private static void serve(int delayMillis) {
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
                      .withFixedDelay(delayMillis)));
    }
  }

  @Test
  void aRunKilledBeforeItPublishedLeavesTheLastSnapshotLatestAndComplete() throws Exception {
    assertThat(cleanRun()).isZero();
    String first = latestSnapshot();
    assertLatestIsComplete();

    for (String moment : List.of("harvested", "files-written", "snapshot-moved")) {
      killAt(moment);
      assertThat(latestSnapshot()).as(moment).isEqualTo(first);
      assertLatestIsComplete();
    }

    assertThat(cleanRun()).isZero();
    assertLatestIsComplete();
    try (var snapshots = Files.list(output.resolve("snapshots"))) {
      assertThat(snapshots.map(p -> p.getFileName().toString()))
          .as("what the killed runs left was removed")
          .noneMatch(name -> name.startsWith("."));
    }
  }

  @Test
  void aRunKilledOncePublishedHasItsHistoryCaughtUpByTheNext() throws Exception {
    assertThat(cleanRun()).isZero();

    killAt("published");
    String killed = latestSnapshot();
    assertLatestIsComplete();
    assertThat(historyRuns()).hasSize(1).doesNotContain(runId(killed));

    assertThat(cleanRun()).isZero();
    assertThat(historyRuns()).hasSize(3).contains(runId(killed));
  }

  @Test
  void aRunStartedWhileAnotherHoldsTheOutputFolderIsRefused() throws Exception {
    Process holding = startRun("harvested");
    awaitPause(holding, "harvested");

    Process refused = startRun(null);
    assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(refused.exitValue()).isEqualTo(ExitCode.LOCKED);
    assertThat(new String(refused.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("another run is using this output folder (pid " + holding.pid());

    holding.destroyForcibly().waitFor();
    assertThat(cleanRun()).as("the lock died with its process").isZero();
    assertLatestIsComplete();
  }

  @Test
  void theSchedulerStoppedBySigtermDuringAHarvestPublishesNothing() throws Exception {
    // Slow pages, so that the harvest lasts a while.
    serve(300);
    Process scheduler =
        start(
            null,
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

  /** Starts a run, lets it reach {@code moment}, and kills it there with SIGKILL. */
  private void killAt(String moment) throws Exception {
    Process run = startRun(moment);
    awaitPause(run, moment);
    run.destroyForcibly().waitFor();
  }

  /** Waits until {@code process} says on standard error that it paused at {@code moment}. */
  private static void awaitPause(Process process, String moment) throws Exception {
    BufferedReader err =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    CompletableFuture<Boolean> paused =
        CompletableFuture.supplyAsync(
            () -> err.lines().anyMatch(line -> line.equals("paused at " + moment)));
    assertThat(paused.get(60, TimeUnit.SECONDS)).as("paused at " + moment).isTrue();
  }

  /** A run from start to end; its exit code. */
  private int cleanRun() throws Exception {
    Process run = startRun(null);
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return run.exitValue();
  }

  private List<String> historyRuns() throws Exception {
    return SqlRows.of(output.resolve("history.sqlite"), "SELECT run_id FROM runs ORDER BY 1");
  }

  private static String runId(String snapshot) {
    return Path.of(snapshot).getFileName().toString();
  }

  private java.util.Optional<Path> staging() throws IOException {
    if (!Files.isDirectory(output.resolve("snapshots"))) {
      return java.util.Optional.empty();
    }
    try (var entries = Files.list(output.resolve("snapshots"))) {
      return entries.filter(p -> p.getFileName().toString().startsWith(".staging-")).findFirst();
    }
  }

  /** Starts a run, pausing at {@code moment} if not null. */
  private Process startRun(String moment) throws IOException {
    return start(
        moment,
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

  private static Process start(String pauseAt, String... arguments) throws IOException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (pauseAt != null) {
      command.add("-D" + PauseAt.PROPERTY + "=" + pauseAt);
    }
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
