package org.mdmatrials;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.core.Trial;
import org.mdmatrials.source.HarvestScope;
import org.mdmatrials.source.HarvestSink;
import org.mdmatrials.source.TrialSource;

/**
 * A registry in memory, for tests of a run that need no HTTP: each harvest hands on the trials it
 * was last given (their payload a small JSON naming them) and the records to skip, or fails as it
 * was told to; it remembers the scope of every harvest it was asked for.
 */
public final class FakeSource implements TrialSource {
  /** The data version every harvest reports, as ClinicalTrials.gov's /version gives one. */
  public static final String DATA_VERSION = "2026-11-27T09:15:02";

  private final Registry registry;
  private final List<HarvestScope> scopes = new ArrayList<>();
  private List<Trial> trials = List.of();
  private List<SkippedRecord> skipped = List.of();
  private IOException failure;

  public FakeSource(Registry registry) {
    this.registry = registry;
  }

  /** The next harvests hand on these trials and skip these records. */
  public FakeSource serving(List<Trial> served, SkippedRecord... toSkip) {
    trials = List.copyOf(served);
    skipped = List.of(toSkip);
    failure = null;
    return this;
  }

  public FakeSource serving(Trial... served) {
    return serving(List.of(served));
  }

  /** The next harvests fail with {@code error}. */
  public FakeSource failing(IOException error) {
    failure = error;
    return this;
  }

  /** The scope of every harvest so far, in order. */
  public List<HarvestScope> scopes() {
    return scopes;
  }

  @Override
  public Registry registry() {
    return registry;
  }

  @Override
  public SourceSummary harvest(HarvestSink sink, HarvestScope scope) throws IOException {
    scopes.add(scope);
    if (failure != null) {
      throw failure;
    }
    for (Trial trial : trials) {
      sink.accept(trial, Payload.of("{\"id\":\"" + trial.trialId() + "\"}"));
    }
    skipped.forEach(sink::skipped);
    int count = trials.size() + skipped.size();
    return new SourceSummary(
        registry, "query.term=MDMA", scope.isFull(), DATA_VERSION, count, count, skipped.size(), 1);
  }
}
