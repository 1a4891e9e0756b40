package org.mdmatrials.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one harvest run did: when, with what outcome, where it published (null when it did not), how
 * many trials of each primary category study MDMA, what each source brought or why it failed, every
 * record it left out, and how often each host's requests were tried again.
 */
public record RunReport(
    String runId,
    Instant startedAt,
    Instant finishedAt,
    int exitCode,
    @Nullable String snapshot,
    int trials,
    Map<Indication, Integer> studiedByCategory,
    Map<Change.Type, Integer> changes,
    List<SourceResult> sources,
    List<SkippedRecord> skipped,
    Map<String, Integer> retriesByHost,
    List<String> errors) {

  public RunReport {
    studiedByCategory = Map.copyOf(studiedByCategory);
    changes = Map.copyOf(changes);
    sources = Lists.copy(sources);
    skipped = Lists.copy(skipped);
    retriesByHost = Map.copyOf(retriesByHost);
    errors = Lists.copy(errors);
  }

  /**
   * One source's part: its summary when it succeeded, or the error that stopped it; how many of its
   * records were copied from the previous snapshot (the unchanged ones of an incremental harvest,
   * or all of them when the source failed); and when it was last harvested in full.
   */
  public record SourceResult(
      Registry registry,
      @Nullable SourceSummary summary,
      @Nullable String error,
      int carriedOver,
      @Nullable Instant lastFullHarvest) {
    public boolean failed() {
      return error != null;
    }
  }
}
