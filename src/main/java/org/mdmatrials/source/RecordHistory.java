package org.mdmatrials.source;

import java.io.IOException;
import org.mdmatrials.core.OutcomeHistory;

/**
 * The earlier versions of a registry's records, where the registry publishes them: what a trial
 * registered first and changed since, for tracing a switched primary outcome back to its
 * registration.
 */
public interface RecordHistory {
  /** The requests a night may spend on record histories. */
  int requestsPerNight();

  /**
   * The primary outcomes of the record through its versions, in at most {@code requests} requests
   * (at least one).
   *
   * @throws MalformedRecordException when the registry's answer about this record cannot be read:
   *     the record is skipped
   * @throws IOException when the registry cannot be asked: nothing more is asked tonight
   */
  OutcomeHistory primaryOutcomes(String recordId, int requests)
      throws IOException, MalformedRecordException;
}
