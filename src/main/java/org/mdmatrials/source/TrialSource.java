package org.mdmatrials.source;

import java.io.IOException;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SourceSummary;

/** A registry that streams every trial matching its configured search. */
public interface TrialSource {
  Registry registry();

  /**
   * Fetches every matching record, handing each to {@code sink} as soon as it is read; bad records
   * are reported to the sink and skipped.
   *
   * @throws IOException when the registry cannot be read completely: nothing it sent may be
   *     published as a complete harvest
   */
  SourceSummary harvest(HarvestSink sink) throws IOException;
}
