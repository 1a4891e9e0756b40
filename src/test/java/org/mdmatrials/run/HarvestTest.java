package org.mdmatrials.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mdmatrials.TestTrial.trial;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.FakeSource;
import org.mdmatrials.Fixtures;
import org.mdmatrials.SqlRows;
import org.mdmatrials.classify.CategoryRulesLoader;
import org.mdmatrials.classify.Classifier;
import org.mdmatrials.cli.Modules;
import org.mdmatrials.core.OutputLayout;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.RunOutcome;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.SourceOutcome;
import org.mdmatrials.core.Trial;
import org.mdmatrials.http.HttpStatusException;
import org.mdmatrials.sink.DataDictionary;
import org.mdmatrials.source.HarvestScope;
import org.mdmatrials.source.TrialSource;
import org.mdmatrials.source.ctgov.CtGovModule;
import org.mdmatrials.source.ictrp.IctrpModule;

/** One run, stage by stage, over a registry in memory. */
class HarvestTest {
  private static final Instant NIGHT_ONE = Instant.parse("2026-11-27T02:00:00Z");
  private static final Instant NIGHT_TWO = Instant.parse("2026-11-28T02:00:00Z");
  private static final Trial TERMINATED =
      trial("NCT00184067").title("A vaccine for melanoma").status("TERMINATED").build();
  private static final Trial RECRUITING =
      trial("NCT03934567").title("A trial").status("ACTIVE_NOT_RECRUITING").build();

  @TempDir Path output;
  private final FakeSource registry = new FakeSource(CtGovModule.REGISTRY);
  private Map<String, Integer> retries = Map.of();
  private int keepSnapshots = 0;
  private int keepRunReports = 0;

  @Test
  void publishesTheSnapshotWithItsReportAsLatest() throws Exception {
    registry.serving(TERMINATED, RECRUITING);

    RunReport report = harvest(NIGHT_ONE);

    assertThat(report.outcome()).isEqualTo(RunOutcome.PUBLISHED);
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
    assertThat(run.get("outcome").asText()).isEqualTo("PUBLISHED");
    assertThat(run.at("/sources/0/registry").asText()).isEqualTo("CTGOV");
    assertThat(run.at("/sources/0/received").asInt()).isEqualTo(2);
    assertThat(run.at("/sources/0/source_version").asText()).isEqualTo(FakeSource.DATA_VERSION);
  }

  @Test
  void publishesTheWorkbookAndEveryFileTheDataDictionaryDescribes() throws Exception {
    registry.serving(TERMINATED, RECRUITING);

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
    registry.serving(TERMINATED);
    harvest(NIGHT_ONE);
    registry.failing(
        new HttpStatusException(503, "https://registry/studies", "Service Unavailable"));
    retries = Map.of("registry", 4);

    RunReport report = harvest(NIGHT_TWO);

    assertThat(report.outcome()).isEqualTo(RunOutcome.FAILED);
    // It published nothing, so it tells of nothing carried over.
    assertThat(report.errors())
        .containsExactly(
            "ClinicalTrials.gov: registry answered HTTP 503 (a fault on the registry's side):"
                + " Service Unavailable");
    assertThat(output.resolve("latest").toRealPath())
        .isEqualTo(output.resolve("snapshots/20261127T020000Z").toRealPath());
    assertThat(output.resolve("snapshots/20261128T020000Z")).doesNotExist();
    JsonNode run = Fixtures.JSON.readTree(output.resolve("runs/20261128T020000Z.json").toFile());
    assertThat(run.get("outcome").asText()).isEqualTo("FAILED");
    assertThat(run.at("/sources/0/error").asText()).startsWith("registry answered HTTP 503 ");
    assertThat(run.at("/sources/0/carried_over").asInt()).isZero();
    assertThat(run.get("errors")).hasSize(1);
    assertThat(run.at("/retries_by_host/registry").asInt()).isEqualTo(4);
  }

  @Test
  void failsARegistryWithNothingToCarryOverWhenThereIsNoSnapshotYet() throws Exception {
    registry.failing(new HttpStatusException(503, "https://registry/studies", "down"));

    RunReport report = harvest(NIGHT_ONE);

    assertThat(report.outcome()).isEqualTo(RunOutcome.FAILED);
    assertThat(report.sources()).singleElement().isInstanceOf(SourceOutcome.Failed.class);
    assertThat(report.errors())
        .containsExactly(
            "ClinicalTrials.gov: registry answered HTTP 503 (a fault on the registry's side): down");
    assertThat(output.resolve("latest")).doesNotExist();
  }

  @Test
  void publishesWithWarningsAndListsASkippedRecord() throws Exception {
    registry.serving(
        List.of(TERMINATED),
        new SkippedRecord(
            CtGovModule.REGISTRY,
            "NCT03275402",
            1,
            2,
            "$.studies[1].protocolSection.designModule.phases",
            "Expected an array but was the string \"PHASE2\""));

    RunReport report = harvest(NIGHT_ONE);

    assertThat(report.outcome()).isEqualTo(RunOutcome.PUBLISHED_WITH_WARNINGS);
    assertThat(report.trials()).isEqualTo(1);
    Path snapshot = output.resolve("latest");
    JsonNode skipped =
        Fixtures.JSON.readTree(snapshot.resolve("run.json").toFile()).at("/skipped_records/0");
    assertThat(skipped.get("trial_id").asText()).isEqualTo("NCT03275402");
    assertThat(skipped.get("path").asText())
        .isEqualTo("$.studies[1].protocolSection.designModule.phases");
    assertThat(
            SqlRows.of(
                snapshot.resolve("trials.sqlite"),
                "SELECT r.outcome, s.trial_id, s.page, s.position"
                    + " FROM runs r JOIN run_skipped_records s USING (run_id)"))
        .containsExactly("PUBLISHED_WITH_WARNINGS NCT03275402 1 2");
  }

  @Test
  void refusesToRunWhileAnotherRunHoldsTheLock() throws Exception {
    registry.serving(TERMINATED);

    RunLock held = RunLock.acquire(new OutputLayout(output), NIGHT_ONE);
    assertThatThrownBy(() -> harvest(NIGHT_TWO))
        .isInstanceOf(RunLock.HeldException.class)
        .hasMessageContaining(
            "another run is using this output folder (pid " + ProcessHandle.current().pid());
    held.close();
    assertThat(output.resolve("latest")).doesNotExist();
    assertThat(harvest(NIGHT_TWO).outcome()).isEqualTo(RunOutcome.PUBLISHED);
  }

  @Test
  void publishesNothingWhenAskedToStop() throws Exception {
    registry.serving(TERMINATED);
    StopSignal stop = new StopSignal();
    stop.raise();

    RunReport report = run(NIGHT_ONE, false, stop);

    assertThat(report.outcome()).isEqualTo(RunOutcome.FAILED);
    assertThat(report.errors()).containsExactly("Stopped before publishing");
    assertThat(registry.scopes()).isEmpty();
    assertThat(output.resolve("latest")).doesNotExist();
  }

  @Test
  void removesWhatACrashedRunLeftBehind() throws Exception {
    Path staging = Files.createDirectories(output.resolve("snapshots/.staging-20261127T020000Z"));
    Files.writeString(staging.resolve("trials.csv"), "half a file");
    Files.createSymbolicLink(
        output.resolve(".latest-20261127T020000Z"), Path.of("snapshots/.staging-20261127T020000Z"));
    registry.serving(TERMINATED);

    harvest(NIGHT_TWO);

    try (var left = Files.list(output.resolve("snapshots"))) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("20261128T020000Z");
    }
    assertThat(Files.exists(output.resolve(".latest-20261127T020000Z"), LinkOption.NOFOLLOW_LINKS))
        .isFalse();
  }

  @Test
  void mergesAnIncrementalHarvestIntoTheLastSnapshot() throws Exception {
    registry.serving(TERMINATED, RECRUITING);
    harvest(NIGHT_ONE);
    // The next night the registry reports one trial updated: its status changed.
    registry.serving(trial("NCT03934567").title("A trial").status("COMPLETED").build());

    RunReport report = harvest(NIGHT_TWO);

    assertThat(report.outcome()).isEqualTo(RunOutcome.PUBLISHED);
    assertThat(report.trials()).isEqualTo(2);
    assertThat(report.sources().get(0).summary().full()).isFalse();
    assertThat(report.sources().get(0).carriedOver()).isEqualTo(1);
    // A day before the day of the last snapshot's data.
    assertThat(registry.scopes())
        .containsExactly(
            HarvestScope.full(), HarvestScope.updatedSince(LocalDate.parse("2026-11-26")));
    assertThat(statuses())
        .containsExactly("NCT00184067 TERMINATED fresh", "NCT03934567 COMPLETED fresh");
  }

  @Test
  void harvestsInFullOnceTheIntervalHasPassedAndDropsTrialsGoneFromTheSearch() throws Exception {
    registry.serving(TERMINATED, RECRUITING);
    harvest(NIGHT_ONE);
    registry.serving(RECRUITING);

    RunReport report = harvest(NIGHT_ONE.plus(Duration.ofDays(7)));

    assertThat(report.sources().get(0).summary().full()).isTrue();
    assertThat(report.sources().get(0).carriedOver()).isZero();
    assertThat(registry.scopes()).containsExactly(HarvestScope.full(), HarvestScope.full());
    assertThat(statuses()).containsExactly("NCT03934567 ACTIVE_NOT_RECRUITING fresh");
    assertThat(changes()).containsExactly(List.of("NCT00184067", "REMOVED", "", "", ""));
  }

  @Test
  void harvestsInFullWhenAsked() throws Exception {
    registry.serving(TERMINATED);
    harvest(NIGHT_ONE);

    RunReport report = run(NIGHT_TWO, true, new StopSignal());

    assertThat(report.sources().get(0).summary().full()).isTrue();
    assertThat(report.sources().get(0).lastFullHarvest()).isEqualTo(NIGHT_TWO);
  }

  @Test
  void keepsEveryVersionOfEveryTrialInTheHistory() throws Exception {
    registry.serving(TERMINATED, RECRUITING);
    harvest(NIGHT_ONE);
    Trial completed = trial("NCT03934567").title("A trial").status("COMPLETED").build();
    registry.serving(completed);
    harvest(NIGHT_TWO);
    registry.serving(completed);
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
    registry.serving(TERMINATED);
    harvest(NIGHT_ONE);
    // As if the run had died between publishing and recording its history.
    Files.delete(output.resolve("history.sqlite"));

    harvest(NIGHT_TWO);

    assertThat(SqlRows.of(output.resolve("history.sqlite"), "SELECT run_id FROM runs ORDER BY 1"))
        .containsExactly("20261127T020000Z", "20261128T020000Z");
  }

  @Test
  void keepsTheNewestThreeSnapshotsOverSixNightsWithLatestAndEveryNightInTheHistory()
      throws Exception {
    keepSnapshots = 3;
    for (int night = 0; night < 6; night++) {
      registry.serving(trial("NCT03934567").title("A trial").enrollment(10 + night).build());
      assertThat(harvest(NIGHT_ONE.plus(Duration.ofDays(night))).published()).isTrue();
    }

    assertThat(folders(output.resolve("snapshots")))
        .containsExactly("20261130T020000Z", "20261201T020000Z", "20261202T020000Z");
    assertThat(output.resolve("latest").toRealPath())
        .isEqualTo(output.resolve("snapshots/20261202T020000Z").toRealPath());
    try (var reader = Files.newBufferedReader(output.resolve("latest/trials.csv"));
        var csv = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
      assertThat(csv.getRecords())
          .singleElement()
          .extracting(r -> r.get("enrollment"))
          .isEqualTo("15");
    }
    Path history = output.resolve("history.sqlite");
    assertThat(SqlRows.of(history, "SELECT count(*) FROM runs")).containsExactly("6");
    assertThat(
            SqlRows.of(
                history,
                "SELECT valid_from_run, enrollment FROM trial_versions ORDER BY valid_from_run"))
        .containsExactly(
            "20261127T020000Z 10",
            "20261128T020000Z 11",
            "20261129T020000Z 12",
            "20261130T020000Z 13",
            "20261201T020000Z 14",
            "20261202T020000Z 15");
  }

  @Test
  void neverRemovesTheSnapshotLatestNamesEvenWhenTheClockWentBack() throws Exception {
    keepSnapshots = 1;
    registry.serving(TERMINATED);
    harvest(NIGHT_TWO);

    // The clock was set back a day: the run publishes the oldest snapshot by name, and latest
    // names it.
    harvest(NIGHT_ONE);

    assertThat(output.resolve("latest").toRealPath())
        .isEqualTo(output.resolve("snapshots/20261127T020000Z").toRealPath());
    assertThat(folders(output.resolve("snapshots")))
        .containsExactly("20261127T020000Z", "20261128T020000Z");
  }

  @Test
  void keepsTheNewestReportsOfRunsThatPublishedNothing() throws Exception {
    keepRunReports = 2;
    registry.failing(new HttpStatusException(503, "https://registry/studies", "down"));
    for (int night = 0; night < 4; night++) {
      harvest(NIGHT_ONE.plus(Duration.ofDays(night)));
    }

    assertThat(folders(output.resolve("runs")))
        .containsExactly("20261129T020000Z.json", "20261130T020000Z.json");
  }

  @Test
  void keepsEverySnapshotWhenToldToKeepAll() throws Exception {
    registry.serving(TERMINATED);
    for (int night = 0; night < 4; night++) {
      harvest(NIGHT_ONE.plus(Duration.ofDays(night)));
    }

    assertThat(folders(output.resolve("snapshots"))).hasSize(4);
  }

  @Test
  void finishesRemovingASnapshotACrashLeftHalfRemoved() throws Exception {
    keepSnapshots = 2;
    registry.serving(TERMINATED);
    harvest(NIGHT_ONE);
    // What a crash while removing the oldest snapshot leaves: a hidden folder, part emptied.
    Path halfRemoved = output.resolve("snapshots/.removing-20261120T020000Z");
    Files.createDirectories(halfRemoved);
    Files.writeString(halfRemoved.resolve("trials.csv"), "trial_id\r\n");

    harvest(NIGHT_TWO);

    assertThat(halfRemoved).doesNotExist();
    assertThat(folders(output.resolve("snapshots")))
        .containsExactly("20261127T020000Z", "20261128T020000Z");
  }

  /** The names in {@code folder}, sorted. */
  private static List<String> folders(Path folder) throws Exception {
    try (var entries = Files.list(folder)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void holdsARegistrysRecordOnceWhicheverSourceBringsItAndCarriesOverWhatASourceBrought()
      throws Exception {
    // A gathering source, as ICTRP's: a copy of ClinicalTrials.gov's record, and one ANZCTR
    // record sent twice.
    Registry anzctr = Modules.SHIPPED.registries().byCode("ANZCTR").orElseThrow();
    FakeSource gathering = new FakeSource(IctrpModule.REGISTRY);
    Trial veterans = trial("ACTRN12621001078842").registry(anzctr).title("MDMA for PTSD").build();
    gathering.serving(trial("NCT03934567").title("ICTRP's copy").build(), veterans, veterans);
    registry.serving(RECRUITING);

    RunReport first = harvest(NIGHT_ONE, registry, gathering);

    assertThat(first.outcome()).isEqualTo(RunOutcome.PUBLISHED_WITH_WARNINGS);
    assertThat(first.errors())
        .containsExactly("WHO ICTRP export sent ACTRN12621001078842 twice; the first was kept");
    Path db = output.resolve("latest/trials.sqlite");
    String records =
        "SELECT source, registry, record_id, source_status, json_extract(record, '$.title')"
            + " FROM source_records ORDER BY record_key";
    assertThat(SqlRows.of(db, records))
        .containsExactly(
            "CTGOV CTGOV NCT03934567 fresh A trial",
            "ICTRP ANZCTR ACTRN12621001078842 fresh MDMA for PTSD");

    gathering.failing(new java.io.IOException("/exports/ICTRP-Results.xml: cut short"));
    RunReport second = harvest(NIGHT_TWO, registry, gathering);

    assertThat(second.outcome()).isEqualTo(RunOutcome.PUBLISHED_WITH_WARNINGS);
    assertThat(SqlRows.of(db, records))
        .containsExactly(
            "CTGOV CTGOV NCT03934567 fresh A trial",
            "ICTRP ANZCTR ACTRN12621001078842 carried over (data of 2026-11-27T02:00:00Z) MDMA"
                + " for PTSD");
  }

  private RunReport harvest(Instant at) throws Exception {
    return run(at, false, new StopSignal());
  }

  private RunReport harvest(Instant at, TrialSource... sources) throws Exception {
    return run(at, false, new StopSignal(), List.of(sources));
  }

  private RunReport run(Instant at, boolean full, StopSignal stop) throws Exception {
    return run(at, full, stop, List.of(registry));
  }

  private RunReport run(Instant at, boolean full, StopSignal stop, List<TrialSource> sources)
      throws Exception {
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
            modules.dictionary(),
            keepSnapshots,
            keepRunReports);
    Map<String, Integer> retried = retries;
    return new HarvestRun(
            sources,
            classifier,
            options,
            new OutputLayout(output),
            Clock.fixed(at, ZoneOffset.UTC),
            () -> retried,
            stop,
            ProgressListener.NONE,
            Checkpoint.NONE)
        .run();
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
}
