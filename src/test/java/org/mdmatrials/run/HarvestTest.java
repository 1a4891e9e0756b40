package org.mdmatrials.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.Fixtures;
import org.mdmatrials.SqlRows;
import org.mdmatrials.classify.CategoryRulesLoader;
import org.mdmatrials.classify.Classifier;
import org.mdmatrials.cli.Modules;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.http.HttpClients;
import org.mdmatrials.http.HttpSettings;
import org.mdmatrials.http.RegistryClient;
import org.mdmatrials.http.RetryPolicy;
import org.mdmatrials.sink.DataDictionary;
import org.mdmatrials.source.SourceContext;
import org.mdmatrials.source.SourceSection;
import org.mdmatrials.source.TrialSource;
import org.mdmatrials.source.ctgov.CtGovModule;

class HarvestTest {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Instant NIGHT_ONE = Instant.parse("2026-11-27T02:00:00Z");
  private static final Instant NIGHT_TWO = Instant.parse("2026-11-28T02:00:00Z");

  @TempDir Path output;
  private final RetryPolicy retries =
      new RetryPolicy(2, Duration.ZERO, Duration.ZERO, Duration.ZERO, d -> {});

  @BeforeEach
  void version() {
    registry.stubFor(
        get("/api/v2/version").willReturn(okJson(Fixtures.version("2026-11-27T09:15:02"))));
  }

  @Test
  void publishesTheSnapshotWithItsReportAsLatest() throws Exception {
    servePage(Fixtures.page(2, null, Fixtures.study("NCT00184067"), Fixtures.study("NCT03934567")));

    RunReport report = harvest(NIGHT_ONE);

    assertThat(report.exitCode()).isEqualTo(Harvest.PUBLISHED);
    assertThat(report.trials()).isEqualTo(2);
    Path snapshot = output.resolve("snapshots/20261127T020000Z");
    assertThat(output.resolve("latest").toRealPath()).isEqualTo(snapshot.toRealPath());
    try (var files = Files.list(snapshot)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "trials.csv",
              "changes.csv",
              "trials.xlsx",
              "data_dictionary.csv",
              "column_sources.csv",
              "trials.sqlite",
              "report.html",
              "run.json");
    }
    JsonNode run = Fixtures.JSON.readTree(snapshot.resolve("run.json").toFile());
    assertThat(run.get("run_id").asText()).isEqualTo("20261127T020000Z");
    assertThat(run.get("exit_code").asInt()).isZero();
    assertThat(run.at("/sources/0/registry").asText()).isEqualTo("CTGOV");
    assertThat(run.at("/sources/0/received").asInt()).isEqualTo(2);
    assertThat(run.at("/sources/0/source_version").asText()).isEqualTo("2026-11-27T09:15:02");
  }

  @Test
  void publishesTheWorkbookAndEveryFileTheDataDictionaryDescribes() throws Exception {
    servePage(Fixtures.page(2, null, Fixtures.study("NCT00184067"), Fixtures.study("NCT03934567")));

    harvest(NIGHT_ONE);

    Path snapshot = output.resolve("latest");
    for (DataDictionary.Entry entry : Modules.SHIPPED.dictionary().entries()) {
      for (String file : entry.files()) {
        Path where = file.equals("history.sqlite") ? output.resolve(file) : snapshot.resolve(file);
        assertThat(where).as(entry.toString()).exists();
      }
    }
    try (ReadableWorkbook workbook =
        new ReadableWorkbook(snapshot.resolve("trials.xlsx").toFile())) {
      List<Row> all = workbook.findSheet("All").orElseThrow().read();
      assertThat(all.stream().skip(1).map(r -> r.getCellText(0)))
          .containsExactly("NCT00184067", "NCT03934567");
      assertThat(workbook.findSheet("Changes")).isPresent();
    }
  }

  @Test
  void keepsTheLastGoodSnapshotAndReportsWhenTheRegistryKeepsFailing() throws Exception {
    servePage(Fixtures.page(1, null, Fixtures.study("NCT00184067")));
    harvest(NIGHT_ONE);
    registry.stubFor(
        get(urlPathEqualTo("/api/v2/studies"))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<h1>Service Unavailable</h1>")));

    RunReport report = harvest(NIGHT_TWO);

    assertThat(report.exitCode()).isEqualTo(Harvest.FAILED);
    assertThat(report.errors())
        .singleElement()
        .asString()
        .startsWith("ClinicalTrials.gov: HTTP 503 from " + registry.baseUrl());
    assertThat(output.resolve("latest").toRealPath())
        .isEqualTo(output.resolve("snapshots/20261127T020000Z").toRealPath());
    assertThat(output.resolve("snapshots/20261128T020000Z")).doesNotExist();
    JsonNode run = Fixtures.JSON.readTree(output.resolve("runs/20261128T020000Z.json").toFile());
    assertThat(run.get("exit_code").asInt()).isEqualTo(1);
    assertThat(run.at("/sources/0/error").asText()).startsWith("HTTP 503 from ");
    assertThat(run.at("/retries_by_host/localhost").asInt()).isEqualTo(1);
  }

  @Test
  void publishesWithWarningsAndListsASkippedStudy() throws Exception {
    ObjectNode bad = Fixtures.study("NCT03275402");
    ((ObjectNode) bad.at("/protocolSection/designModule")).put("phases", "PHASE2");
    servePage(Fixtures.page(2, null, Fixtures.study("NCT00184067"), bad));

    RunReport report = harvest(NIGHT_ONE);

    assertThat(report.exitCode()).isEqualTo(Harvest.PUBLISHED_WITH_WARNINGS);
    assertThat(report.trials()).isEqualTo(1);
    Path snapshot = output.resolve("latest");
    JsonNode skipped =
        Fixtures.JSON.readTree(snapshot.resolve("run.json").toFile()).at("/skipped_records/0");
    assertThat(skipped.get("trial_id").asText()).isEqualTo("NCT03275402");
    assertThat(skipped.get("path").asText())
        .isEqualTo("$.studies[1].protocolSection.designModule.phases");
    assertThat(skipped.get("problem").asText())
        .isEqualTo("Expected an array but was the string \"PHASE2\"");
    assertThat(
            SqlRows.of(
                snapshot.resolve("trials.sqlite"),
                "SELECT r.exit_code, s.trial_id, s.page, s.position"
                    + " FROM runs r JOIN run_skipped_records s USING (run_id)"))
        .containsExactly("3 NCT03275402 1 2");
  }

  @Test
  void refusesToRunWhileAnotherRunHoldsTheLock() throws Exception {
    servePage(Fixtures.page(1, null, Fixtures.study("NCT00184067")));

    RunLock held = RunLock.acquire(output, NIGHT_ONE);
    assertThatThrownBy(() -> harvest(NIGHT_TWO))
        .isInstanceOf(RunLock.HeldException.class)
        .hasMessageContaining(
            "another run is using this output folder (pid " + ProcessHandle.current().pid());
    held.close();
    assertThat(output.resolve("latest")).doesNotExist();
    assertThat(harvest(NIGHT_TWO).exitCode()).isEqualTo(Harvest.PUBLISHED);
  }

  @Test
  void removesWhatACrashedRunLeftBehind() throws Exception {
    Path staging = Files.createDirectories(output.resolve("snapshots/.staging-20261127T020000Z"));
    Files.writeString(staging.resolve("trials.csv"), "half a file");
    Files.createSymbolicLink(
        output.resolve(".latest-20261127T020000Z"), Path.of("snapshots/.staging-20261127T020000Z"));
    servePage(Fixtures.page(1, null, Fixtures.study("NCT00184067")));

    harvest(NIGHT_TWO);

    try (var left = Files.list(output.resolve("snapshots"))) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("20261128T020000Z");
    }
    assertThat(
            Files.exists(
                output.resolve(".latest-20261127T020000Z"),
                java.nio.file.LinkOption.NOFOLLOW_LINKS))
        .isFalse();
  }

  private RunReport harvest(Instant at) throws Exception {
    return harvest(at, false);
  }

  private RunReport harvest(Instant at, boolean full) throws Exception {
    TrialSource source =
        new CtGovModule()
            .settings(
                new SourceSection(
                    "sources.ctgov",
                    Fixtures.JSON
                        .createObjectNode()
                        .put("url", registry.baseUrl() + "/api/v2")
                        .set("search", Fixtures.JSON.createObjectNode().put("query.term", "MDMA"))))
            .open(
                new SourceContext(
                    new RegistryClient(
                        HttpClients.create(
                            new HttpSettings(
                                Duration.ofSeconds(5),
                                Duration.ofSeconds(5),
                                Duration.ofSeconds(30),
                                2,
                                Duration.ZERO,
                                Duration.ZERO,
                                Duration.ZERO,
                                0),
                            "mdma-trials/test"),
                        retries,
                        Clock.systemUTC()),
                    Clock.fixed(at, ZoneOffset.UTC)));
    Classifier classifier =
        new Classifier(CategoryRulesLoader.load(Path.of("config/categories.yaml")));
    Modules modules = Modules.SHIPPED;
    HarvestOptions options =
        new HarvestOptions(
            modules.registries().all(),
            full,
            Duration.ofDays(7),
            modules.registries(),
            modules.trialIds(),
            modules.dictionary());
    return new Harvest(
            List.of(source),
            classifier,
            options,
            output,
            Clock.fixed(at, ZoneOffset.UTC),
            retries::retriesByHost,
            new StopSignal(),
            ProgressListener.NONE)
        .run();
  }

  @Test
  void mergesAnIncrementalHarvestIntoTheLastSnapshot() throws Exception {
    servePage(Fixtures.page(2, null, Fixtures.study("NCT00184067"), Fixtures.study("NCT03934567")));
    harvest(NIGHT_ONE);
    // The next night the registry reports one study updated: its status changed.
    ObjectNode updated = Fixtures.study("NCT03934567");
    ((ObjectNode) updated.at("/protocolSection/statusModule")).put("overallStatus", "COMPLETED");
    servePage(Fixtures.page(1, null, updated));

    RunReport report = harvest(NIGHT_TWO);

    assertThat(report.exitCode()).isEqualTo(Harvest.PUBLISHED);
    assertThat(report.trials()).isEqualTo(2);
    assertThat(report.sources().get(0).summary().full()).isFalse();
    assertThat(report.sources().get(0).carriedOver()).isEqualTo(1);
    registry.verify(
        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/api/v2/studies"))
            .withQueryParam(
                "filter.advanced",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                    "AREA[LastUpdatePostDate]RANGE[2026-11-26,MAX]")));
    assertThat(statuses())
        .containsExactly("NCT00184067 TERMINATED fresh", "NCT03934567 COMPLETED fresh");
  }

  @Test
  void harvestsInFullOnceTheIntervalHasPassedAndDropsTrialsGoneFromTheSearch() throws Exception {
    servePage(Fixtures.page(2, null, Fixtures.study("NCT00184067"), Fixtures.study("NCT03934567")));
    harvest(NIGHT_ONE);
    servePage(Fixtures.page(1, null, Fixtures.study("NCT03934567")));

    RunReport report = harvest(NIGHT_ONE.plus(Duration.ofDays(7)));

    assertThat(report.sources().get(0).summary().full()).isTrue();
    assertThat(report.sources().get(0).carriedOver()).isZero();
    registry.verify(
        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/api/v2/studies"))
            .withQueryParam(
                "filter.advanced", com.github.tomakehurst.wiremock.client.WireMock.absent()));
    assertThat(statuses()).containsExactly("NCT03934567 ACTIVE_NOT_RECRUITING fresh");
    assertThat(changes()).containsExactly(List.of("NCT00184067", "REMOVED", "", "", ""));
  }

  @Test
  void harvestsInFullWhenAsked() throws Exception {
    servePage(Fixtures.page(1, null, Fixtures.study("NCT00184067")));
    harvest(NIGHT_ONE);

    RunReport report = harvest(NIGHT_TWO, true);

    assertThat(report.sources().get(0).summary().full()).isTrue();
    assertThat(report.sources().get(0).lastFullHarvest()).isEqualTo(NIGHT_TWO);
  }

  @Test
  void keepsEveryVersionOfEveryTrialInTheHistory() throws Exception {
    servePage(Fixtures.page(2, null, Fixtures.study("NCT00184067"), Fixtures.study("NCT03934567")));
    harvest(NIGHT_ONE);
    ObjectNode completed = Fixtures.study("NCT03934567");
    ((ObjectNode) completed.at("/protocolSection/statusModule")).put("overallStatus", "COMPLETED");
    servePage(Fixtures.page(1, null, completed));
    harvest(NIGHT_TWO);
    servePage(Fixtures.page(1, null, completed));
    harvest(NIGHT_ONE.plus(Duration.ofDays(8)));

    List<String> versions =
        SqlRows.of(
            output.resolve("history.sqlite"),
            "SELECT trial_id, overall_status, valid_from_run, valid_to_run FROM trial_versions"
                + " ORDER BY trial_id, valid_from_run");
    assertThat(versions)
        .containsExactly(
            "NCT00184067 TERMINATED 20261127T020000Z 20261205T020000Z",
            "NCT03934567 ACTIVE_NOT_RECRUITING 20261127T020000Z 20261128T020000Z",
            "NCT03934567 COMPLETED 20261128T020000Z null");
  }

  @Test
  void catchesTheHistoryUpWithASnapshotPublishedWithoutIt() throws Exception {
    servePage(Fixtures.page(1, null, Fixtures.study("NCT00184067")));
    harvest(NIGHT_ONE);
    // As if the run had died between publishing and recording its history.
    Files.delete(output.resolve("history.sqlite"));

    harvest(NIGHT_TWO);

    assertThat(SqlRows.of(output.resolve("history.sqlite"), "SELECT run_id FROM runs ORDER BY 1"))
        .containsExactly("20261127T020000Z", "20261128T020000Z");
  }

  /** latest/changes.csv's rows, read back with Commons CSV, without the header. */
  private List<List<String>> changes() throws Exception {
    try (var reader = Files.newBufferedReader(output.resolve("latest/changes.csv"));
        var csv = CSVFormat.RFC4180.parse(reader)) {
      List<List<String>> rows = csv.stream().map(CSVRecord::toList).toList();
      assertThat(rows.get(0))
          .containsExactly("\uFEFFtrial_id", "change", "field", "old_value", "new_value");
      return rows.subList(1, rows.size());
    }
  }

  /** trial id, overall status and source status of every trial in latest, by id. */
  private List<String> statuses() throws Exception {
    return SqlRows.of(
        output.resolve("latest/trials.sqlite"),
        "SELECT trial_id, overall_status, source_status FROM trials ORDER BY trial_id");
  }

  private static void servePage(String page) {
    registry.stubFor(get(urlPathEqualTo("/api/v2/studies")).willReturn(okJson(page)));
  }
}
