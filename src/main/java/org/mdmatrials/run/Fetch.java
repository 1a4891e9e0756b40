package org.mdmatrials.run;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SourceOutcome;
import org.mdmatrials.core.SourceStatus;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.source.HarvestScope;
import org.mdmatrials.source.TrialSource;
import org.mdmatrials.store.PreviousSnapshot;
import org.mdmatrials.store.StagingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one registry's records into the intake, in full or incrementally as planned, and copies
 * from the previous snapshot the records this run should hold but did not fetch: the unchanged ones
 * after an incremental harvest, or all of them, marked as carried over, when the registry failed. A
 * registry's failure is caught here, once, and becomes its outcome; the other registries go on.
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
      log.error("{} failed", registry.displayName(), e);
      return failed(registry, String.valueOf(e.getMessage()));
    }
    Instant lastFull = plan.lastFullHarvest(registry, summary, started);
    int unchanged = summary.full() ? 0 : carryOver(registry, SourceStatus.FRESH);
    return new SourceOutcome.Harvested(registry, summary, unchanged, lastFull);
  }

  /** What the operator should hear of each registry that failed. */
  static List<String> problems(List<SourceOutcome> outcomes) {
    List<String> problems = new ArrayList<>();
    for (SourceOutcome outcome : outcomes) {
      String name = outcome.registry().displayName();
      if (outcome instanceof SourceOutcome.CarriedOver carried) {
        problems.add(
            name
                + ": "
                + carried.error()
                + "; its "
                + carried.carriedOver()
                + " records were carried over from "
                + carried.fromRun());
      } else if (outcome instanceof SourceOutcome.Failed failed) {
        problems.add(name + ": " + failed.error());
      }
    }
    return problems;
  }

  /** The registry failed: its records of the previous snapshot are kept, if there are any. */
  private SourceOutcome failed(Registry registry, String error) throws IOException {
    Instant lastFull = plan.lastFullHarvest(registry, null, started);
    if (previous.isEmpty()) {
      return new SourceOutcome.Failed(registry, error, lastFull);
    }
    int carried = carryOver(registry, new SourceStatus.CarriedOver(previous.get().startedAt()));
    if (carried == 0) {
      return new SourceOutcome.Failed(registry, error, lastFull);
    }
    return new SourceOutcome.CarriedOver(
        registry, error, carried, previous.get().runId(), lastFull);
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
