package org.mdmatrials.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mdmatrials.TestTrial.trial;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.Fixtures;
import org.mdmatrials.SqlRows;
import org.mdmatrials.TestTrial;
import org.mdmatrials.cli.Modules;
import org.mdmatrials.core.CategoryMatch;
import org.mdmatrials.core.Change;
import org.mdmatrials.core.Classification;
import org.mdmatrials.core.Eligibility;
import org.mdmatrials.core.Indication;
import org.mdmatrials.core.MdmaRole;
import org.mdmatrials.core.Outcome;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.Trial;
import org.mdmatrials.source.ctgov.CtGovModule;

/**
 * The columns that came after the first snapshots were published: kept in the stored record,
 * compared between snapshots, versioned in the history, and absent without harm from what earlier
 * versions wrote.
 */
class EvidenceColumnsTest {
  private static final Instant NIGHT = Instant.parse("2026-11-28T02:00:00Z");
  private static final Classification OTHER =
      new Classification(
          MdmaRole.MENTIONED, List.of(new CategoryMatch(Indication.OTHER, List.of())));

  @TempDir Path dir;

  /** NCT03275402's facts as its mapper reads them (StudyMapperTest). */
  private static Trial terminated() {
    return Trial.builder("NCT03275402", CtGovModule.REGISTRY)
        .status("TERMINATED", "TERMINATED")
        .whyStopped("Corporate business decision. Not due to safety or efficacy concerns.")
        .statusVerified(PartialDate.parse("2024-01"))
        .primaryCompletionDate(PartialDate.parse("2023-06-02"))
        .allocation("NA")
        .masking("NONE")
        .primaryPurpose("TREATMENT")
        .eligibility(new Eligibility(null, "18 Years", "ALL", false, null))
        .primaryOutcomes(List.of(new Outcome("Overall Survival Rate", "3 years")))
        .hasResults(true)
        .resultsFirstPosted(PartialDate.parse("2024-02-13"))
        .publications(List.of("PMID:39083105", "PMID:38464207"))
        .build();
  }

  @Test
  void keepsEveryNewFactThroughTheStoredRecord() throws Exception {
    Trial trial = terminated();

    Trial read =
        TrialJson.read(TrialJson.write(trial), "NCT03275402", Modules.SHIPPED.registries());

    assertThat(read).isEqualTo(trial);
  }

  @Test
  void readsARecordStoredBeforeTheNewFactsAsGivingNone() throws Exception {
    // The record as an earlier version stored it: the same JSON without the keys added since.
    ObjectNode json = (ObjectNode) Fixtures.JSON.readTree(TrialJson.write(terminated()));
    json.remove(
        List.of(
            "whyStopped",
            "statusVerified",
            "allocation",
            "masking",
            "primaryPurpose",
            "eligibility",
            "primaryOutcomes",
            "resultsFirstPosted",
            "publications"));

    Trial read =
        TrialJson.read(
            Fixtures.JSON.writeValueAsBytes(json), "NCT03275402", Modules.SHIPPED.registries());

    assertThat(read.status().overallStatus()).isEqualTo("TERMINATED");
    assertThat(read.results().hasResults()).isTrue();
    assertThat(read.status().whyStopped()).isNull();
    assertThat(read.status().statusVerified()).isNull();
    assertThat(read.design().eligibility()).isEqualTo(Eligibility.NONE);
    assertThat(read.design().primaryOutcomes()).isEmpty();
    assertThat(read.results().publications()).isEmpty();
    assertThat(read.results().resultsFirstPosted()).isNull();
  }

  @Test
  void reportsAChangedPrimaryOutcomeWithItsOldAndNewText() throws Exception {
    Path before =
        snapshot("before", trial("NCT04077437").primaryOutcomes("CAPS-5 total", "18 weeks"));
    Path after =
        snapshot(
            "after",
            trial("NCT04077437").primaryOutcomes("CAPS-5 total", "18 weeks", "SDS", "18 weeks"));

    assertThat(changes(after, before))
        .containsExactly(
            "NCT04077437 CHANGED primary_outcomes CAPS-5 total [18 weeks]"
                + " -> CAPS-5 total [18 weeks]; SDS [18 weeks]");
  }

  @Test
  void comparesNothingASnapshotWrittenBeforeAColumnExistedCouldNotHold() throws Exception {
    Path before = snapshot("before", trial("NCT04077437").status("RECRUITING"));
    // The snapshot as an earlier version wrote it: without the columns added since.
    dropColumns(before, "trials", "primary_outcomes", "results_status");
    Path after =
        snapshot(
            "after",
            trial("NCT04077437").status("COMPLETED").primaryOutcomes("CAPS-5", "18 weeks"));

    assertThat(changes(after, before))
        .containsExactly("NCT04077437 CHANGED overall_status RECRUITING -> COMPLETED");
  }

  @Test
  void addsTheColumnsThatCameLaterToAnEarlierHistory() throws Exception {
    Path history = dir.resolve("history.sqlite");
    Path first = snapshot("first", trial("NCT04077437").primaryOutcomes("CAPS-5", "18 weeks"));
    new HistoryStore(history).record(first, "20261127T020000Z", "2026-11-27T02:00:00Z");
    // The history as an earlier version left it: without the column.
    dropColumns(history, "trial_versions", "primary_outcomes");
    Path second = snapshot("second", trial("NCT04077437").primaryOutcomes("CAPS-5", "18 weeks"));

    new HistoryStore(history).record(second, "20261128T020000Z", "2026-11-28T02:00:00Z");

    assertThat(
            SqlRows.of(
                history,
                "SELECT valid_from_run, valid_to_run, primary_outcomes FROM trial_versions"
                    + " ORDER BY valid_from_run"))
        .containsExactly(
            "20261127T020000Z 20261128T020000Z null", "20261128T020000Z null CAPS-5 [18 weeks]");
  }

  /** A finished snapshot database in {@code folder} holding the trials. */
  private Path snapshot(String folder, TestTrial... trials) throws Exception {
    Path file = Files.createDirectories(dir.resolve(folder)).resolve("trials.sqlite");
    try (StagingStore db = StagingStore.create(file, Modules.SHIPPED.registries())) {
      for (TestTrial t : trials) {
        db.trials().add(TestTrial.row(t.build(), OTHER, NIGHT));
      }
      db.finish();
    }
    return file;
  }

  private static List<String> changes(Path current, Path previous) throws Exception {
    List<String> changes = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + current)) {
      SnapshotComparison.compare(db, previous, change -> changes.add(describe(change)));
    }
    return changes;
  }

  private static String describe(Change c) {
    return c.trialId()
        + " "
        + c.type()
        + (c.field() == null ? "" : " " + c.field() + " " + c.oldValue() + " -> " + c.newValue());
  }

  private static void dropColumns(Path database, String table, String... columns) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database)) {
      for (String column : columns) {
        db.createStatement().execute("ALTER TABLE " + table + " DROP COLUMN " + column);
      }
    }
  }
}
