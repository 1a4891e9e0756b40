package org.mdmatrials.run;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SourceOutcome;
import org.mdmatrials.core.SourceStatus;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.http.FailureText;
import org.mdmatrials.source.HarvestScope;
import org.mdmatrials.source.TrialSource;
import org.mdmatrials.store.PreviousSnapshot;
import org.mdmatrials.store.StagingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one registry's records into the intake, in full or incrementally as planned, and copies
 * from the previous snapshot the records this run should hold but did not fetch: the unchanged ones
 * after an incremental harvest, or all of them, marked as carried over, when the registry failed
 * and the run publishes. A registry's failure is caught here, once, put in words, and becomes its
 * outcome; the other registries go on.
 */
final class Fetch {
  private static final Logger log = LoggerFactory.getLogger(Fetch.class);

  private final HarvestPlan plan;
  private final Optional<PreviousSnapshot> previous;
  private final StagingStore store;
  private final RecordIntake intake;
  private final Instant started;

  Fetch(
      HarvestPlan plan,
      Optional<PreviousSnapshot> previous,
      StagingStore store,
      RecordIntake intake,
      Instant started) {
    this.plan = plan;
    this.previous = previous;
    this.store = store;
    this.intake = intake;
    this.started = started;
  }

  /**
   * Harvests one registry. One that fails is only told of here: its records of the previous
   * snapshot are kept by {@link #carryOverFailed} once the run is sure to publish.
   */
  SourceOutcome harvest(TrialSource source) throws IOException {
    Registry registry = source.registry();
    HarvestScope scope = plan.scopeFor(registry);
    log.debug(
        "{}: {}",
        registry.displayName(),
        scope.isFull()
            ? "full harvest"
            : "incremental harvest of records updated since " + scope.updatedSince().orElseThrow());
    SourceSummary summary;
    try {
      summary = source.harvest(intake.from(registry), scope);
    } catch (IOException | RuntimeException e) {
      String problem = FailureText.of(e);
      // In words on the console; the exception and its causes go to the log file, or to the
      // console at --verbose.
      log.warn("{}: {}", registry.displayName(), problem, e);
      return new SourceOutcome.Failed(
          registry, problem, plan.lastFullHarvest(registry, null, started));
    }
    Instant lastFull = plan.lastFullHarvest(registry, summary, started);
    int unchanged = summary.full() ? 0 : carryOver(registry, SourceStatus.FRESH);
    return new SourceOutcome.Harvested(registry, summary, unchanged, lastFull);
  }

  /**
   * The outcomes with the previous snapshot's records of each registry that failed kept, where it
   * has any; for a run that publishes, so that a registry down for a night loses none of its
   * trials.
   */
  List<SourceOutcome> carryOverFailed(List<SourceOutcome> outcomes) throws IOException {
    List<SourceOutcome> kept = new ArrayList<>();
    for (SourceOutcome outcome : outcomes) {
      kept.add(outcome instanceof SourceOutcome.Failed failed ? carryOver(failed) : outcome);
    }
    return kept;
  }

  /**
   * What the operator should hear of each registry that failed, in a run that published nothing.
   */
  static List<String> failures(List<SourceOutcome> outcomes) {
    List<String> failures = new ArrayList<>();
    for (SourceOutcome outcome : outcomes) {
      if (outcome.failed()) {
        failures.add(outcome.registry().displayName() + ": " + outcome.error());
      }
    }
    return failures;
  }

  /**
   * What the operator should hear of each registry that failed in a run that publishes: what went
   * wrong, and what became of its trials.
   */
  List<String> warnings(List<SourceOutcome> outcomes) {
    List<String> warnings = new ArrayList<>();
    for (SourceOutcome outcome : outcomes) {
      String name = outcome.registry().displayName() + ": " + outcome.error();
      if (outcome instanceof SourceOutcome.CarriedOver carried) {
        warnings.add(
            name
                + "; its "
                + trials(carried.carriedOver())
                + " carried over from "
                + date(carried));
      } else if (outcome instanceof SourceOutcome.Failed) {
        warnings.add(
            name
                + (previous.isEmpty()
                    ? "; this first snapshot has none of its trials"
                    : "; the last snapshot had none of its trials to carry over"));
      }
    }
    return warnings;
  }

  /**
   * The outcomes as a run that publishes nothing tells them: it kept nothing of the previous
   * snapshot, neither a failed registry's records nor the unchanged ones of an incremental harvest.
   */
  static List<SourceOutcome> keptNothing(List<SourceOutcome> outcomes) {
    return outcomes.stream().map(Fetch::keptNothing).toList();
  }

  private static SourceOutcome keptNothing(SourceOutcome outcome) {
    if (outcome instanceof SourceOutcome.CarriedOver c) {
      return new SourceOutcome.Failed(c.registry(), c.error(), c.lastFullHarvest());
    }
    if (outcome instanceof SourceOutcome.Harvested h && h.carriedOver() > 0) {
      return new SourceOutcome.Harvested(h.registry(), h.summary(), 0, h.lastFullHarvest());
    }
    return outcome;
  }

  /** A failed registry's records of the previous snapshot, kept if there are any. */
  private SourceOutcome carryOver(SourceOutcome.Failed failed) throws IOException {
    if (previous.isEmpty()) {
      return failed;
    }
    Registry registry = failed.registry();
    int carried = carryOver(registry, new SourceStatus.CarriedOver(previous.get().startedAt()));
    if (carried == 0) {
      return failed;
    }
    log.info(
        "{}: {} carried over from {}",
        registry.displayName(),
        trials(carried),
        previous.get().runId());
    return new SourceOutcome.CarriedOver(
        registry, failed.error(), carried, previous.get().runId(), failed.lastFullHarvest());
  }

  private static String trials(int count) {
    return count == 1 ? "1 trial was" : count + " trials were";
  }

  /** The day of the snapshot a registry's records were carried over from, as 2026-12-02. */
  private static String date(SourceOutcome.CarriedOver carried) {
    return LocalDate.parse(carried.fromRun().substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE)
        .toString();
  }

  /**
   * Copies the records that came through the registry in the previous snapshot and that this run
   * did not fetch; a record fresh there becomes {@code whenFresh}.
   */
  private int carryOver(Registry registry, SourceStatus whenFresh) throws IOException {
    if (previous.isEmpty()) {
      return 0;
    }
    return store
        .records()
        .carryOver(previous.get().database(), registry, whenFresh, intake::copied);
  }
}
