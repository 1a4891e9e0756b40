package org.mdmatrials.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mdmatrials.TestTrial.trial;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.FakeSource;
import org.mdmatrials.SqlRows;
import org.mdmatrials.classify.CategoryRulesLoader;
import org.mdmatrials.classify.Classifier;
import org.mdmatrials.cli.Modules;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.Outcome;
import org.mdmatrials.core.OutcomeHistory;
import org.mdmatrials.core.OutputLayout;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.RunOutcome;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.core.Trial;
import org.mdmatrials.http.HttpStatusException;
import org.mdmatrials.source.HarvestScope;
import org.mdmatrials.source.HarvestSink;
import org.mdmatrials.source.MalformedRecordException;
import org.mdmatrials.source.RecordHistory;
import org.mdmatrials.source.TrialSource;
import org.mdmatrials.source.ctgov.CtGovModule;

/**
 * The back-fill of primary outcomes over runs, against a registry in memory whose record history
 * answers as a test tells it (CtGovRecordHistoryTest reads the recorded responses themselves).
 */
class OutcomeBackfillTest {
  private static final Instant NIGHT_ONE = Instant.parse("2026-11-27T02:00:00Z");
  private static final Instant NIGHT_TWO = Instant.parse("2026-11-28T02:00:00Z");
  private static final String CAPS = "CAPS-5 Total Severity Score";

  @TempDir Path output;
  private final FakeSource registry = new FakeSource(CtGovModule.REGISTRY);
  private final Histories histories = new Histories();
  private TrialSource source = new WithHistory(registry, histories);

  /** An MDMA trial whose primary outcome is {@code measure} over 18 weeks. */
  private static Trial mdma(String id, String measure) {
    return trial(id)
        .title("MDMA-Assisted Therapy for PTSD")
        .conditions("PTSD")
        .status("RECRUITING")
        .interventions(new Intervention("DRUG", "MDMA", List.of()))
        .primaryOutcomes(measure, "18 weeks")
        .build();
  }

  @Test
  void backfillsEachMdmaTrialOnceAndListsTheOneWhoseOutcomeSwitched() throws Exception {
    registry.serving(
        mdma("NCT04077437", "Sheehan Disability Scale"),
        mdma("NCT04714359", CAPS),
        trial("NCT00184067").title("Melanoma vaccine").build());
    // NCT04077437 registered CAPS-5 first; NCT04714359 registered what it has today.
    histories.answering(
        "NCT04077437",
        version(0, "2020-01-15", CAPS),
        version(4, "2022-03-01", "Sheehan Disability Scale"));
    histories.answering("NCT04714359", version(0, "2021-01-07", CAPS));

    RunReport first = harvest(NIGHT_ONE);
    harvest(NIGHT_TWO);

    assertThat(first.outcome()).isEqualTo(RunOutcome.PUBLISHED);
    // Only the trials that study MDMA, and each once.
    assertThat(histories.asked).containsExactly("NCT04077437 60", "NCT04714359 59");
    assertThat(
            SqlRows.of(
                output.resolve("history.sqlite"),
                "SELECT trial_id, version, version_date, primary_outcomes"
                    + " FROM primary_outcome_versions ORDER BY trial_id, version"))
        .containsExactly(
            "NCT04077437 0 2020-01-15 " + CAPS + " [18 weeks]",
            "NCT04077437 4 2022-03-01 Sheehan Disability Scale [18 weeks]",
            "NCT04714359 0 2021-01-07 " + CAPS + " [18 weeks]");
    assertThat(
            SqlRows.of(
                output.resolve("latest/trials.sqlite"), "SELECT * FROM primary_outcome_changes"))
        .containsExactly("NCT04077437 2020-01-15 FIRST_REGISTERED " + CAPS + " [18 weeks]");
    Document report = Jsoup.parse(output.resolve("latest/report.html").toFile(), "UTF-8");
    assertThat(report.select("#outcomes tbody tr td").eachText())
        .containsExactly(
            "NCT04077437 MDMA-Assisted Therapy for PTSD",
            "registered 2020-01-15",
            CAPS + " [18 weeks]",
            "Sheehan Disability Scale [18 weeks]");
    assertThat(report.selectFirst("#outcomes tbody a").attr("href"))
        .isEqualTo("https://clinicaltrials.gov/study/NCT04077437");
  }

  @Test
  void listsAnOutcomeSwitchedSinceItWasFirstHarvestedWithoutARecordHistory() throws Exception {
    source = registry;
    registry.serving(mdma("NCT04077437", CAPS));
    harvest(NIGHT_ONE);
    registry.serving(mdma("NCT04077437", "Sheehan Disability Scale"));

    harvest(NIGHT_TWO.plus(Duration.ofDays(7)));

    assertThat(
            SqlRows.of(
                output.resolve("latest/trials.sqlite"), "SELECT * FROM primary_outcome_changes"))
        .containsExactly("NCT04077437 2026-11-27 FIRST_HARVESTED " + CAPS + " [18 weeks]");
  }

  @Test
  void publishesWithAWarningWhenTheRegistryRefusesAndAsksAgainAnotherNight() throws Exception {
    registry.serving(mdma("NCT04077437", CAPS), mdma("NCT04714359", CAPS));
    histories.refusing(
        new HttpStatusException(403, "https://clinicaltrials.gov/api/int/studies/NCT04077437", ""));

    RunReport report = harvest(NIGHT_ONE);

    assertThat(report.outcome()).isEqualTo(RunOutcome.PUBLISHED_WITH_WARNINGS);
    assertThat(output.resolve("latest/trials.csv")).exists();
    assertThat(report.errors())
        .singleElement()
        .asString()
        .startsWith("ClinicalTrials.gov: the record history stopped at NCT04077437: HTTP 403")
        .endsWith("history-requests: 0 in the registry's settings stops asking)");
    // The refusal stopped the asking: the second trial waits for another night.
    assertThat(histories.asked).containsExactly("NCT04077437 60");
    assertThat(
            SqlRows.of(
                output.resolve("history.sqlite"),
                "SELECT record_id, read_by_run, versions FROM record_history_reads"))
        .containsExactly("NCT04077437 20261127T020000Z null");

    histories.refusing(null);
    histories.answering("NCT04077437", version(0, "2020-01-15", CAPS));
    histories.answering("NCT04714359", version(0, "2021-01-07", CAPS));
    assertThat(harvest(NIGHT_TWO).outcome()).isEqualTo(RunOutcome.PUBLISHED);
    // The trial that failed comes after the one never asked.
    assertThat(histories.asked)
        .containsExactly("NCT04077437 60", "NCT04714359 60", "NCT04077437 59");
  }

  @Test
  void passesOverARecordWhoseHistoryCannotBeReadAndGoesOn() throws Exception {
    registry.serving(mdma("NCT04077437", CAPS), mdma("NCT04714359", CAPS));
    histories.malformed("NCT04077437");
    histories.answering("NCT04714359", version(0, "2021-01-07", CAPS));

    RunReport report = harvest(NIGHT_ONE);

    assertThat(report.errors())
        .singleElement()
        .asString()
        .startsWith(
            "ClinicalTrials.gov: the record history of NCT04077437 could not be read: Expected"
                + " a list of versions but was nothing at $.history.changes");
    assertThat(histories.asked).containsExactly("NCT04077437 60", "NCT04714359 59");
    assertThat(
            SqlRows.of(
                output.resolve("history.sqlite"),
                "SELECT record_id, versions, problem IS NOT NULL FROM record_history_reads"
                    + " ORDER BY record_id"))
        .containsExactly("NCT04077437 null 1", "NCT04714359 1 0");
  }

  @Test
  void spendsNoMoreRequestsANightThanAllowedAndTakesUpWhereItStopped() throws Exception {
    registry.serving(
        mdma("NCT01000001", CAPS), mdma("NCT01000002", CAPS), mdma("NCT01000003", CAPS));
    histories.perNight = 3;
    histories.costing = 2;

    harvest(NIGHT_ONE);
    harvest(NIGHT_TWO);
    harvest(NIGHT_TWO.plus(Duration.ofDays(1)));

    // Each record takes two requests: the second of a night cannot be read whole, and is asked for
    // again, first, the next night.
    assertThat(histories.asked)
        .containsExactly(
            "NCT01000001 3", "NCT01000002 1", "NCT01000002 3", "NCT01000003 1", "NCT01000003 3");
    assertThat(
            SqlRows.of(
                output.resolve("history.sqlite"),
                "SELECT record_id FROM record_history_reads ORDER BY 1"))
        .containsExactly("NCT01000001", "NCT01000002", "NCT01000003");
  }

  private static OutcomeHistory.Version version(int number, String date, String measure) {
    return new OutcomeHistory.Version(
        number, PartialDate.parse(date), List.of(new Outcome(measure, "18 weeks")));
  }

  /** A record history in memory: what it answers for each record, and what it was asked. */
  private static final class Histories implements RecordHistory {
    final List<String> asked = new ArrayList<>();
    final Map<String, List<OutcomeHistory.Version>> answers = new java.util.HashMap<>();
    final java.util.Set<String> unreadable = new java.util.HashSet<>();
    IOException refusal;
    int perNight = 60;
    int costing = 1;

    void answering(String recordId, OutcomeHistory.Version... versions) {
      answers.put(recordId, List.of(versions));
    }

    void malformed(String recordId) {
      unreadable.add(recordId);
    }

    void refusing(IOException error) {
      refusal = error;
    }

    @Override
    public int requestsPerNight() {
      return perNight;
    }

    @Override
    public OutcomeHistory primaryOutcomes(String recordId, int requests)
        throws IOException, MalformedRecordException {
      asked.add(recordId + " " + requests);
      if (refusal != null) {
        throw refusal;
      }
      if (unreadable.contains(recordId)) {
        throw new MalformedRecordException("$.history.changes", "a list of versions", "nothing");
      }
      List<OutcomeHistory.Version> versions =
          answers.getOrDefault(recordId, List.of(version(0, "2020-01-01", CAPS)));
      boolean whole = requests >= costing;
      return new OutcomeHistory(
          recordId, whole ? versions : versions.subList(0, 1), whole ? costing : requests, whole);
    }
  }

  /** The registry in memory, with the record history. */
  private record WithHistory(FakeSource source, RecordHistory history) implements TrialSource {
    @Override
    public Registry registry() {
      return source.registry();
    }

    @Override
    public SourceSummary harvest(HarvestSink sink, HarvestScope scope) throws IOException {
      return source.harvest(sink, scope);
    }

    @Override
    public Optional<RecordHistory> recordHistory() {
      return Optional.of(history);
    }
  }

  private RunReport harvest(Instant at) throws Exception {
    Modules modules = Modules.SHIPPED;
    return new HarvestRun(
            List.of(source),
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
}
