package org.mdmatrials.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.TestConfig;
import picocli.CommandLine;

/**
 * What the commands print in a process of their own, with the logging the jar ships (logback.xml,
 * not the tests' silent one): what cron mails under {@code run --quiet}, the one line per problem
 * at the default level, the stack traces kept for --verbose and the log folder, and {@code
 * schedule} without Quartz's banner and silent under --quiet.
 */
class WhatCronMailsIT {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path output;
  @TempDir Path dir;

  private Path config;
  private Path logs;
  private String closed;

  @BeforeEach
  void standIns() throws Exception {
    MdmaLikeRegistries.serve(registry, false);
    logs = dir.resolve("logs");
    config =
        TestConfig.write(
            dir,
            "log-folder: " + logs,
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
  }

  @Test
  void quietMailsAShortSummaryWhileTheLogFolderKeepsEveryStackTrace() throws Exception {
    firstNight();

    Ended night = run(closed, "--quiet");

    assertThat(night.exit()).isEqualTo(3);
    assertThat(night.err()).isEmpty();
    List<String> mail = night.out().lines().toList();
    assertThat(mail).hasSizeBetween(5, 8).noneMatch(l -> l.startsWith("\tat "));
    assertThat(mail.get(0)).startsWith("Published ").contains(" with warnings: 28 trials");
    assertThat(mail.subList(1, 4))
        .allMatch(l -> l.matches("Warning: .*: could not reach 127\\.0\\.0\\.1:\\d+ .*"));
    assertThat(night.out()).doesNotContain("Exception");
    String log = logFile();
    assertThat(log)
        .contains("WARN  Fetch - ISRCTN: could not reach 127.0.0.1:")
        .contains("java.net.ConnectException")
        .contains("\tat ")
        .contains("INFO  HarvestRun - Published ");
  }

  @Test
  void tellsEachProblemOnOneLineAndItsStackTraceOnlyWhenVerbose() throws Exception {
    firstNight();

    Ended plain = run(closed);
    Ended verbose = run(closed, "--verbose");

    assertThat(plain.exit()).isEqualTo(3);
    assertThat(plain.err().lines())
        .noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception"))
        .anyMatch(
            l ->
                l.matches(
                    ".* WARN  Fetch - EU CTIS: could not reach 127.0.0.1:\\d+ \\(connection refused\\)"));
    assertThat(verbose.exit()).isEqualTo(3);
    assertThat(verbose.err()).contains("java.net.ConnectException").contains("\tat ");
  }

  @Test
  void scheduleShowsNoQuartzBannerAndPrintsEachHarvestsSummary() throws Exception {
    Ended scheduled = schedule();

    assertThat(scheduled.out()).startsWith("Published ");
    assertThat(scheduled.err().lines())
        .anyMatch(l -> l.contains("INFO  NightlyScheduler - Scheduled harvests at \"0 0 3 * * ?\""))
        .noneMatch(l -> l.contains("Quartz") || l.contains("org.quartz"));
  }

  @Test
  void scheduleQuietPrintsNothingOfAHarvestThatPublished() throws Exception {
    Ended scheduled = schedule("--quiet");

    assertThat(output.resolve("latest/trials.csv")).exists();
    assertThat(scheduled.out()).isEmpty();
    assertThat(scheduled.err()).isEmpty();
  }

  /** A night with every registry answering, in this process. */
  private void firstNight() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    String base = registry.baseUrl();
    int exit =
        cli.execute(
            "run",
            "--config",
            config.toString(),
            "--output",
            output.toString(),
            "--ctgov-url",
            base + "/api/v2",
            "--isrctn-url",
            base,
            "--ctis-url",
            base,
            "--euctr-url",
            base);
    assertThat(exit).as(err.toString()).isZero();
  }

  /**
   * {@code run} in a process, ClinicalTrials.gov answering and the other three at {@code others}.
   */
  private Ended run(String others, String... flags) throws Exception {
    List<String> args = new ArrayList<>(List.of("run"));
    args.addAll(List.of(flags));
    args.addAll(flags(others));
    Process process = start(args);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return ended(process);
  }

  /**
   * {@code schedule --now} in a process, every registry answering, stopped by SIGTERM once its
   * harvest has published and told of it.
   */
  private Ended schedule(String... flags) throws Exception {
    List<String> args = new ArrayList<>(List.of("schedule", "--now", "--cron", "0 0 3 * * ?"));
    args.addAll(List.of(flags));
    args.addAll(flags(registry.baseUrl()));
    Process process = start(args);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!recorded() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(recorded()).as("a harvest published").isTrue();
    // The summary comes once the history is committed: wait for it, or two seconds under --quiet.
    long summary = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (Files.size(dir.resolve("out.txt")) == 0 && System.nanoTime() < summary) {
      Thread.sleep(50);
    }
    process.destroy();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(143);
    return ended(process);
  }

  private boolean recorded() {
    try (var lines = Files.lines(output.resolve("latest/run.json"))) {
      return lines.findAny().isPresent();
    } catch (IOException e) {
      return false;
    }
  }

  private List<String> flags(String others) {
    return List.of(
        "--config",
        config.toString(),
        "--output",
        output.toString(),
        "--ctgov-url",
        registry.baseUrl() + "/api/v2",
        "--isrctn-url",
        others,
        "--ctis-url",
        others,
        "--euctr-url",
        others);
  }

  /** The command in a JVM of its own, logging as the jar does: with the shipped logback.xml. */
  private Process start(List<String> arguments) throws Exception {
    Path shipped = Path.of(Main.class.getResource("/logback.xml").toURI());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dlogback.configurationFile=" + shipped);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(arguments);
    return new ProcessBuilder(command)
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile())
        .start();
  }

  private Ended ended(Process process) throws IOException {
    return new Ended(
        process.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  /** The log folder's one file, for today. */
  private String logFile() throws IOException {
    File[] files = logs.toFile().listFiles();
    assertThat(files).isNotNull().hasSize(1);
    assertThat(files[0].getName()).matches("mdma-trials-\\d{4}-\\d{2}-\\d{2}\\.log");
    return Files.readString(files[0].toPath(), StandardCharsets.UTF_8);
  }

  /** How a process ended: its exit code and what it printed. */
  private record Ended(int exit, String out, String err) {}
}
