package org.mdmatrials.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mdmatrials.TestTrial.trial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.FakeSource;
import org.mdmatrials.SqlRows;
import org.mdmatrials.classify.CategoryRulesLoader;
import org.mdmatrials.classify.Classifier;
import org.mdmatrials.cli.Modules;
import org.mdmatrials.core.OutputLayout;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.source.HarvestScope;
import org.mdmatrials.source.ctgov.CtGovModule;

/** What the evidence columns do from one night to the next. */
class EvidenceAcrossNightsTest {
  private static final Instant NIGHT_ONE = Instant.parse("2026-11-27T02:00:00Z");
  private static final Instant NIGHT_TWO = Instant.parse("2026-11-28T02:00:00Z");

  @TempDir Path output;
  private final FakeSource registry = new FakeSource(CtGovModule.REGISTRY);

  @Test
  void listsASwitchedPrimaryOutcomeInChangesCsvAndTheHistory() throws Exception {
    registry.serving(
        trial("NCT04077437")
            .status("RECRUITING")
            .primaryOutcomes("CAPS-5 Total Severity Score", "Baseline to 18 weeks")
            .build());
    harvest(NIGHT_ONE);
    registry.serving(
        trial("NCT04077437")
            .status("RECRUITING")
            .primaryOutcomes("Sheehan Disability Scale", "Baseline to 18 weeks")
            .build());

    harvest(NIGHT_TWO);

    assertThat(changes())
        .containsExactly(
            List.of(
                "NCT04077437",
                "CHANGED",
                "primary_outcomes",
                "CAPS-5 Total Severity Score [Baseline to 18 weeks]",
                "Sheehan Disability Scale [Baseline to 18 weeks]"));
    assertThat(
            SqlRows.of(
                output.resolve("history.sqlite"),
                "SELECT valid_from_run, primary_outcomes FROM trial_versions"
                    + " ORDER BY valid_from_run"))
        .containsExactly(
            "20261127T020000Z CAPS-5 Total Severity Score [Baseline to 18 weeks]",
            "20261128T020000Z Sheehan Disability Scale [Baseline to 18 weeks]");
  }

  @Test
  void movesACarriedOverTrialFromPendingToOverdueWhenItsDeadlinePasses() throws Exception {
    // Completed on 2025-11-27: its results are due on 2026-11-27, the first night.
    registry.serving(
        trial("NCT03537014").status("COMPLETED").primaryCompletionDate("2025-11-27").build(),
        trial("NCT04077437").status("RECRUITING").build());
    harvest(NIGHT_ONE);
    // The next night's incremental harvest finds only the other trial updated.
    registry.serving(trial("NCT04077437").status("ACTIVE_NOT_RECRUITING").build());

    harvest(NIGHT_TWO);

    assertThat(registry.scopes().get(1).isFull()).isFalse();
    assertThat(
            SqlRows.of(
                output.resolve("latest/trials.sqlite"),
                "SELECT trial_id, results_status FROM trials ORDER BY trial_id"))
        .containsExactly("NCT03537014 OVERDUE", "NCT04077437 NOT_DUE");
    assertThat(changes())
        .contains(List.of("NCT03537014", "CHANGED", "results_status", "PENDING", "OVERDUE"));
  }

  @Test
  void harvestsInFullTheNightAfterAnUpgradeOfTheSnapshotSchema() throws Exception {
    registry.serving(trial("NCT04077437").status("RECRUITING").build());
    harvest(NIGHT_ONE);
    // The snapshot as a version of an earlier schema marked it.
    try (var db =
        DriverManager.getConnection("jdbc:sqlite:" + output.resolve("latest/trials.sqlite"))) {
      db.createStatement().execute("PRAGMA user_version = 2");
    }

    harvest(NIGHT_TWO);
    harvest(NIGHT_TWO.plus(Duration.ofDays(1)));

    assertThat(registry.scopes())
        .containsExactly(
            HarvestScope.full(),
            HarvestScope.full(),
            HarvestScope.updatedSince(LocalDate.parse("2026-11-26")));
  }

  private RunReport harvest(Instant at) throws Exception {
    Modules modules = Modules.SHIPPED;
    return new HarvestRun(
            List.of(registry),
            new Classifier(CategoryRulesLoader.load(Path.of("config/categories.yaml"))),
            new HarvestOptions(
                modules.registries().all(),
                false,
                Duration.ofDays(7),
                modules.registries(),
                modules.trialIds(),
                modules.dictionary(),
                0,
                0),
            new OutputLayout(output),
            Clock.fixed(at, ZoneOffset.UTC),
            Map::of,
            new StopSignal(),
            ProgressListener.NONE,
            Checkpoint.NONE)
        .run();
  }

  /** latest/changes.csv's rows, read back with Commons CSV, without the header. */
  private List<List<String>> changes() throws Exception {
    try (var reader = Files.newBufferedReader(output.resolve("latest/changes.csv"));
        var csv = CSVFormat.RFC4180.parse(reader)) {
      List<List<String>> rows = csv.stream().map(CSVRecord::toList).toList();
      return rows.subList(1, rows.size());
    }
  }
}
