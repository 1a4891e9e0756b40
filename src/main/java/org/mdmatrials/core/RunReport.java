package org.mdmatrials.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one harvest run did: when, how it ended, where it published (null when it did not), how many
 * trials of each primary category study MDMA, what became of each registry, every record it left
 * out, how often each host's requests were tried again, and what the operator should hear of.
 */
public record RunReport(
    String runId,
    Instant startedAt,
    Instant finishedAt,
    RunOutcome outcome,
    @Nullable String snapshot,
    int trials,
    Map<Indication, Integer> studiedByCategory,
    Map<Change.Type, Integer> changes,
    List<SourceOutcome> sources,
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

  public boolean published() {
    return outcome != RunOutcome.FAILED;
  }
}
