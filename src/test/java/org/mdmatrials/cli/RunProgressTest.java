package org.mdmatrials.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.TestConfig;
import org.mdmatrials.source.ctgov.CtGovModule;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** What {@code run} prints at a terminal, from cron, with --quiet and with --verbose. */
class RunProgressTest {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path output;
  @TempDir Path config;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void tellsEachRegistrysProgressOnStandardErrorAtATerminal() {
    MdmaLikeRegistries.serve(registry, false);

    assertThat(run(true)).as(err.toString()).isZero();

    assertThat(err.toString().lines())
        .containsSubsequence(
            "ClinicalTrials.gov: harvesting ...",
            "ClinicalTrials.gov: 26 records in 1 page (full harvest)",
            "ISRCTN: harvesting ...",
            "ISRCTN: 1 record in 1 page (full harvest)",
            "EU CTIS: harvesting ...",
            "EU Clinical Trials Register: harvesting ...",
            "Writing the snapshot ...");
    assertThat(out.toString()).startsWith("Published ");
  }

  @Test
  void printsOnlyTheSummaryWithoutATerminal() {
    MdmaLikeRegistries.serve(registry, false);

    assertThat(run(false)).isZero();

    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).startsWith("Published ").contains(": 28 trials, 18 with MDMA");
  }

  @Test
  void quietPrintsNothingWhenASnapshotWasPublishedCleanly() {
    MdmaLikeRegistries.serve(registry, false);

    assertThat(run(true, "--quiet")).isZero();

    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void quietStillPrintsTheSummaryOfARunWithWarnings() {
    MdmaLikeRegistries.serve(registry, false);
    assertThat(run(false)).isZero();
    out.getBuffer().setLength(0);
    registry.stubFor(
        get(urlPathEqualTo("/api/query/format/default"))
            .willReturn(aResponse().withStatus(500).withBody("Internal Server Error")));

    assertThat(run(true, "--quiet")).isEqualTo(3);

    assertThat(out.toString())
        .startsWith("Published ")
        .contains("Warning: ISRCTN: localhost:" + registry.getPort() + " answered HTTP 500");
  }

  @Test
  void quietStillTellsAFailure() throws Exception {
    registry.stubFor(
        get(urlPathEqualTo("/api/v2/studies")).willReturn(aResponse().withStatus(500)));
    Path file = TestConfig.ctgovOnly(config, 1000);

    int exit =
        cli(true)
            .execute(
                "run",
                "--quiet",
                "--config",
                file.toString(),
                "--output",
                output.toString(),
                "--ctgov-url",
                registry.baseUrl() + "/api/v2");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("mdma-trials: the harvest failed and nothing was published");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void verboseLogsAtDebugLevelForThisRunOnly() {
    MdmaLikeRegistries.serve(registry, false);
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    try {
      assertThat(run(false, "--verbose")).isZero();
    } finally {
      root.detachAppender(logs);
    }

    assertThat(logs.list)
        .filteredOn(e -> e.getLevel() == Level.DEBUG)
        .map(ILoggingEvent::getFormattedMessage)
        .contains(
            "ClinicalTrials.gov: full harvest",
            "CTGOV NCT00184067 stored; registry ids [NCT00184067]");
    assertThat(root.getLevel()).isEqualTo(before);
  }

  @Test
  void refusesQuietWithVerbose() {
    assertThat(run(false, "--quiet", "--verbose")).isEqualTo(2);
    assertThat(err.toString()).contains("--quiet and --verbose contradict each other");
  }

  @Test
  void scheduleTakesQuietAndVerboseAsRunDoesAndRefusesBoth() {
    CommandLine cli = cli(false);

    assertThat(cli.getSubcommands().get("schedule").getCommandSpec().findOption("--quiet"))
        .isNotNull();
    assertThat(cli.getSubcommands().get("schedule").getCommandSpec().findOption("-v")).isNotNull();
    assertThat(cli.execute("schedule", "--quiet", "--verbose")).isEqualTo(2);
    assertThat(err.toString()).contains("--quiet and --verbose contradict each other");
  }

  @Test
  void tellsTheRecordCountAtMostEveryTwoSeconds() {
    MovableClock clock = new MovableClock();
    TerminalProgress progress = new TerminalProgress(new PrintWriter(err, true), clock);

    progress.sourceStarted(CtGovModule.REGISTRY);
    progress.recordsReceived(CtGovModule.REGISTRY, 1);
    clock.now = clock.now.plusSeconds(2);
    progress.recordsReceived(CtGovModule.REGISTRY, 1000);
    clock.now = clock.now.plusSeconds(1);
    progress.recordsReceived(CtGovModule.REGISTRY, 1500);
    progress.writing();

    assertThat(err.toString().lines())
        .containsExactly(
            "ClinicalTrials.gov: harvesting ...",
            "ClinicalTrials.gov: 1000 records so far",
            "Writing the snapshot ...");
  }

  private int run(boolean terminal, String... flags) {
    List<String> args = new ArrayList<>(List.of("run"));
    args.addAll(List.of(flags));
    args.addAll(MdmaLikeRegistries.runFlags(output.toString(), registry.baseUrl()));
    return cli(terminal).execute(args.toArray(String[]::new));
  }

  /** The command line, with {@code run} told whether a person watches at a terminal. */
  private CommandLine cli(boolean terminal) {
    CommandLine cli = Main.commandLine(Modules.SHIPPED.all(), () -> terminal);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli;
  }

  private static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-11-28T02:30:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
