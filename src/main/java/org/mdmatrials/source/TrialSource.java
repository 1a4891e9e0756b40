package org.mdmatrials.source;

import java.io.IOException;
import java.util.Optional;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SourceSummary;

/** A registry that streams every trial matching its configured search. */
public interface TrialSource {
  Registry registry();

  /**
   * Fetches every record matching the configured search within {@code scope}, handing each to
   * {@code sink} as soon as it is read; bad records are reported to the sink and skipped. A source
   * that cannot ask its registry for recent updates only harvests in full and says so in its
   * summary.
   *
   * @throws IOException when the registry cannot be read completely: nothing it sent may be
   *     published as a complete harvest
   */
  SourceSummary harvest(HarvestSink sink, HarvestScope scope) throws IOException;

  /**
   * The earlier versions of the registry's records, if it publishes them and they are asked for.
   */
  default Optional<RecordHistory> recordHistory() {
    return Optional.empty();
  }
}
