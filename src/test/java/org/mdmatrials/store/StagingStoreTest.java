package org.mdmatrials.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mdmatrials.TestTrial.trial;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.cli.Modules;
import org.mdmatrials.core.CategoryMatch;
import org.mdmatrials.core.CategoryMatch.Evidence;
import org.mdmatrials.core.Classification;
import org.mdmatrials.core.Indication;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.MdmaRole;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.RunOutcome;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.SourceOutcome;
import org.mdmatrials.core.SourceStatus;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.core.Trial;
import org.mdmatrials.sink.TrialColumn;
import org.mdmatrials.sink.TrialRow;
import org.mdmatrials.source.ctgov.CtGovModule;

class StagingStoreTest {
  private static final Instant HARVESTED = Instant.parse("2026-11-28T02:00:00Z");

  @TempDir Path dir;

  private final Trial conjoint =
      trial("NCT02876172")
          .title("MDMA-Assisted Cognitive-Behavioral Conjoint Therapy for PTSD")
          .status("COMPLETED")
          .phases("PHASE1", "PHASE2")
          .enrollment(12)
          .startDate("2016-11")
          .conditions("PTSD", "Relationship Problems")
          .interventions(
              new Intervention("DRUG", "MDMA", List.of("midomafetamine")),
              new Intervention("BEHAVIORAL", "Cognitive-Behavioral Conjoint Therapy", List.of()))
          .secondaryIds(new SecondaryId("OTHER", "MDMA-CBCT-1", null))
          .hasResults(true)
          .build();

  private final Classification conjointSorted =
      new Classification(
          MdmaRole.INTERVENTION,
          List.of(
              new CategoryMatch(
                  Indication.COUPLES_THERAPY, List.of(new Evidence("title", "Conjoint Therapy"))),
              new CategoryMatch(Indication.PTSD, List.of(new Evidence("condition", "PTSD")))));

  @Test
  void storesTrialsWithTheCsvColumnsAndTheirParts() throws Exception {
    Path file = dir.resolve("trials.sqlite");
    try (StagingStore db = StagingStore.create(file, Modules.SHIPPED.registries())) {
      int key =
          db.records()
              .add(
                  CtGovModule.REGISTRY,
                  conjoint,
                  Payload.of("{\"raw\":\"Montréal, ≥ 18 years\"}"),
                  Set.of("NCT02876172"),
                  SourceStatus.FRESH);
      db.trials().add(row(conjoint, conjointSorted));
      assertThat(key).isZero();
      db.finish();
    }

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      ResultSet trial = st.executeQuery("SELECT * FROM trials");
      assertThat(trial.next()).isTrue();
      assertThat(trial.getString("trial_id")).isEqualTo("NCT02876172");
      assertThat(trial.getString("primary_category")).isEqualTo("COUPLES_THERAPY");
      assertThat(trial.getString("categories")).isEqualTo("COUPLES_THERAPY; PTSD");
      assertThat(trial.getString("category_evidence"))
          .isEqualTo("COUPLES_THERAPY: title \"Conjoint Therapy\"; PTSD: condition \"PTSD\"");
      assertThat(trial.getString("phases")).isEqualTo("PHASE1; PHASE2");
      assertThat(trial.getInt("enrollment")).isEqualTo(12);
      assertThat(trial.getString("start_date")).isEqualTo("2016-11");
      assertThat(trial.getInt("has_results")).isEqualTo(1);
      assertThat(trial.getString("interventions"))
          .isEqualTo("DRUG: MDMA; BEHAVIORAL: Cognitive-Behavioral Conjoint Therapy");
      assertThat(trial.getString("harvested_at")).isEqualTo("2026-11-28T02:00:00Z");
      assertThat(trial.next()).isFalse();

      assertThat(rows(st, "SELECT position, condition FROM trial_conditions ORDER BY position"))
          .containsExactly(List.of(1, "PTSD"), List.of(2, "Relationship Problems"));
      assertThat(
              rows(st, "SELECT type, name, other_names FROM trial_interventions ORDER BY position"))
          .containsExactly(
              List.of("DRUG", "MDMA", "midomafetamine"),
              java.util.Arrays.asList("BEHAVIORAL", "Cognitive-Behavioral Conjoint Therapy", null));
      assertThat(
              rows(
                  st,
                  "SELECT category, is_primary, evidence FROM trial_categories ORDER BY is_primary DESC"))
          .containsExactly(
              List.of("COUPLES_THERAPY", 1, "title \"Conjoint Therapy\""),
              List.of("PTSD", 0, "condition \"PTSD\""));
      assertThat(rows(st, "SELECT id_type, secondary_id FROM trial_secondary_ids"))
          .containsExactly(List.of("OTHER", "MDMA-CBCT-1"));
      assertThat(
              rows(
                  st,
                  "SELECT registry, record_id, trial_id, source_status, registry_ids, payload FROM source_records"))
          .containsExactly(
              List.of(
                  "CTGOV",
                  "NCT02876172",
                  "NCT02876172",
                  "fresh",
                  "NCT02876172",
                  "{\"raw\":\"Montréal, ≥ 18 years\"}"));
      // Stored as text, not as bytes: SQLite's JSON functions read both the payload and the record.
      assertThat(
              rows(
                  st,
                  "SELECT typeof(payload), json_extract(payload, '$.raw'), typeof(record),"
                      + " json_extract(record, '$.trialId') FROM source_records"))
          .containsExactly(List.of("text", "Montréal, ≥ 18 years", "text", "NCT02876172"));
      assertThat(rows(st, "SELECT linked_ids, source_status, registry_status FROM trials"))
          .containsExactly(List.of("NCT02876172", "fresh", "COMPLETED"));
    }
  }

  @Test
  void publishesInRollbackJournalModeWithSchemaVersionAndIndexes() throws Exception {
    Path file = dir.resolve("trials.sqlite");
    try (StagingStore db = StagingStore.create(file, Modules.SHIPPED.registries())) {
      db.finish();
    }

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      assertThat(rows(st, "PRAGMA journal_mode")).containsExactly(List.of("delete"));
      assertThat(rows(st, "PRAGMA user_version"))
          .containsExactly(List.of(StagingStore.SCHEMA_VERSION));
      assertThat(
              rows(
                  st,
                  "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'trials_primary_category'"))
          .hasSize(1);
      List<Object> columns = new ArrayList<>();
      for (List<Object> row : rows(st, "SELECT name FROM pragma_table_info('trials')")) {
        columns.add(row.get(0));
      }
      assertThat(columns)
          .containsExactlyElementsOf(
              List.of(TrialColumn.values()).stream().map(TrialColumn::columnName).toList());
    }
  }

  @Test
  void keepsTheFirstOfTwoRecordsWithOneIdFromOneRegistry() throws Exception {
    try (StagingStore db =
        StagingStore.create(dir.resolve("trials.sqlite"), Modules.SHIPPED.registries())) {
      assertThat(
              db.records()
                  .add(
                      CtGovModule.REGISTRY,
                      conjoint,
                      Payload.of("{}"),
                      Set.of(),
                      SourceStatus.FRESH))
          .isZero();
      assertThat(
              db.records()
                  .add(
                      CtGovModule.REGISTRY,
                      conjoint,
                      Payload.of("{}"),
                      Set.of(),
                      SourceStatus.FRESH))
          .isEqualTo(-1);
      assertThat(db.records().read(List.of(0, 1)))
          .containsExactly(new RecordTable.Stored(0, conjoint, SourceStatus.FRESH));
    }
  }

  @Test
  void carriesRecordsOverFromAnEarlierSnapshotKeepingTheirOriginalMark() throws Exception {
    Path earlier = dir.resolve("earlier.sqlite");
    Trial other = trial("NCT00100000").title("Another").build();
    try (StagingStore db = StagingStore.create(earlier, Modules.SHIPPED.registries())) {
      db.records()
          .add(
              CtGovModule.REGISTRY,
              conjoint,
              Payload.of("{\"a\":1}"),
              Set.of("NCT02876172"),
              SourceStatus.FRESH);
      db.records()
          .add(
              CtGovModule.REGISTRY,
              other,
              Payload.of("{\"b\":2}"),
              Set.of("NCT00100000"),
              SourceStatus.parse("carried over (data of 2026-11-01T02:00:00Z)"));
      db.finish();
    }
    try (StagingStore db =
        StagingStore.create(dir.resolve("trials.sqlite"), Modules.SHIPPED.registries())) {
      List<Object> copied = new ArrayList<>();
      int count =
          db.records()
              .carryOver(
                  earlier,
                  CtGovModule.REGISTRY,
                  new SourceStatus.CarriedOver(Instant.parse("2026-11-27T02:00:00Z")),
                  (key, trial, ids, status) -> copied.add(key + " " + ids));
      List<String> stored =
          db.records().read(List.of(0, 1)).stream()
              .map(r -> r.trial().trialId() + " " + r.status().text())
              .toList();

      assertThat(count).isEqualTo(2);
      assertThat(copied).containsExactly("0 [NCT02876172]", "1 [NCT00100000]");
      assertThat(stored)
          .containsExactly(
              "NCT02876172 carried over (data of 2026-11-27T02:00:00Z)",
              "NCT00100000 carried over (data of 2026-11-01T02:00:00Z)");
    }
  }

  @Test
  void carriesARecordOverWithItsRegistryIdsInTheOrderItGaveThem() throws Exception {
    Path earlier = dir.resolve("earlier.sqlite");
    // As the recorded CTIS trial 2023-505613-24-00 names them: its own id, then its NCT and
    // EudraCT numbers. A row's linked_ids keep this order, so a carried-over row changes nothing.
    Set<String> ids = new LinkedHashSet<>(List.of("NCT02876172", "NCT04665037", "2019-003842-34"));
    try (StagingStore db = StagingStore.create(earlier, Modules.SHIPPED.registries())) {
      db.records().add(CtGovModule.REGISTRY, conjoint, Payload.of("{}"), ids, SourceStatus.FRESH);
      db.finish();
    }
    try (StagingStore db =
        StagingStore.create(dir.resolve("trials.sqlite"), Modules.SHIPPED.registries())) {
      List<List<String>> copied = new ArrayList<>();
      db.records()
          .carryOver(
              earlier,
              CtGovModule.REGISTRY,
              SourceStatus.FRESH,
              (key, trial, carried, status) -> copied.add(List.copyOf(carried)));

      assertThat(copied).containsExactly(List.copyOf(ids));
    }
  }

  @Test
  void carriesRecordsOverFromASnapshotWrittenBeforeSourcesWereKept() throws Exception {
    Path earlier = dir.resolve("earlier.sqlite");
    try (StagingStore db = StagingStore.create(earlier, Modules.SHIPPED.registries())) {
      db.records()
          .add(CtGovModule.REGISTRY, conjoint, Payload.of("{}"), Set.of(), SourceStatus.FRESH);
      db.finish();
    }
    // Schema version 2 had no source column: each record came through its own registry.
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + earlier);
        Statement st = db.createStatement()) {
      st.execute("ALTER TABLE source_records DROP COLUMN source");
      st.execute("PRAGMA user_version = 2");
    }
    try (StagingStore db =
        StagingStore.create(dir.resolve("trials.sqlite"), Modules.SHIPPED.registries())) {
      assertThat(
              db.records()
                  .carryOver(
                      earlier, CtGovModule.REGISTRY, SourceStatus.FRESH, (key, t, ids, s) -> {}))
          .isEqualTo(1);
      assertThat(db.records().read(List.of(0)))
          .extracting(r -> r.trial().trialId())
          .containsExactly(conjoint.trialId());
    }
  }

  @Test
  void leavesOutRecordsFetchedAgainWhenCarryingOver() throws Exception {
    Path earlier = dir.resolve("earlier.sqlite");
    try (StagingStore db = StagingStore.create(earlier, Modules.SHIPPED.registries())) {
      db.records()
          .add(CtGovModule.REGISTRY, conjoint, Payload.of("{}"), Set.of(), SourceStatus.FRESH);
      db.finish();
    }
    try (StagingStore db =
        StagingStore.create(dir.resolve("trials.sqlite"), Modules.SHIPPED.registries())) {
      db.records()
          .add(CtGovModule.REGISTRY, conjoint, Payload.of("{}"), Set.of(), SourceStatus.FRESH);
      assertThat(
              db.records()
                  .carryOver(
                      earlier, CtGovModule.REGISTRY, SourceStatus.FRESH, (key, t, ids, s) -> {}))
          .isZero();
    }
  }

  @Test
  void handsOnTrialsSortedById() throws Exception {
    Classification other =
        new Classification(
            MdmaRole.MENTIONED, List.of(new CategoryMatch(Indication.OTHER, List.of())));
    Path file = dir.resolve("trials.sqlite");
    try (StagingStore db = StagingStore.create(file, Modules.SHIPPED.registries())) {
      for (String id : List.of("NCT05000000", "NCT00100000", "NCT03000000")) {
        db.trials().add(row(trial(id).build(), other));
      }
      db.finish();
    }
    List<Object> ids = new ArrayList<>();
    new SnapshotRows(file, report(List.of())).forEachTrial(cells -> ids.add(cells.get(0)));
    assertThat(ids).containsExactly("NCT00100000", "NCT03000000", "NCT05000000");
  }

  @Test
  void recordsTheRunWithEachSourceAndSkippedRecord() throws Exception {
    Path file = dir.resolve("trials.sqlite");
    RunReport report =
        report(
            List.of(
                new SkippedRecord(
                    CtGovModule.REGISTRY,
                    null,
                    1,
                    2,
                    "$.studies[1].protocolSection.identificationModule.nctId",
                    "Expected an NCT id but was none")));
    try (StagingStore db = StagingStore.create(file, Modules.SHIPPED.registries())) {
      db.writeRun(report);
      db.finish();
    }

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      assertThat(
              rows(
                  st,
                  "SELECT run_id, started_at, finished_at, outcome, trials, skipped, retries_by_host FROM runs"))
          .containsExactly(
              List.of(
                  "20261128T020000Z",
                  "2026-11-28T02:00:00Z",
                  "2026-11-28T02:00:42Z",
                  "PUBLISHED_WITH_WARNINGS",
                  1,
                  1,
                  "clinicaltrials.gov=2"));
      assertThat(
              rows(
                  st,
                  "SELECT registry, query, source_version, expected, received, skipped, pages FROM run_sources"))
          .containsExactly(List.of("CTGOV", "query.term=MDMA", "2026-11-27T09:15:02", 2, 2, 1, 1));
      assertThat(rows(st, "SELECT page, position, path FROM run_skipped_records"))
          .containsExactly(
              List.of(1, 2, "$.studies[1].protocolSection.identificationModule.nctId"));
    }
  }

  private static TrialRow row(Trial trial, Classification classification) {
    return new TrialRow(
        trial,
        classification,
        List.of(trial.trialId()),
        List.of(new TrialRow.Source(trial.registry(), SourceStatus.FRESH)),
        HARVESTED);
  }

  private static RunReport report(List<SkippedRecord> skipped) {
    return new RunReport(
        "20261128T020000Z",
        HARVESTED,
        HARVESTED.plusSeconds(42),
        RunOutcome.PUBLISHED_WITH_WARNINGS,
        "output/snapshots/20261128T020000Z",
        1,
        Map.of(Indication.PTSD, 1),
        Map.of(),
        List.of(
            new SourceOutcome.Harvested(
                CtGovModule.REGISTRY,
                new SourceSummary(
                    CtGovModule.REGISTRY,
                    "query.term=MDMA",
                    true,
                    "2026-11-27T09:15:02",
                    2,
                    2,
                    1,
                    1),
                0,
                HARVESTED)),
        skipped,
        Map.of("clinicaltrials.gov", 2),
        List.of());
  }

  private static List<List<Object>> rows(Statement st, String sql) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      int width = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
