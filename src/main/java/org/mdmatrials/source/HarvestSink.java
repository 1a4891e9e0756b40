package org.mdmatrials.source;

import java.io.IOException;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.Trial;

/**
 * Receives a source's records one at a time, as they arrive. A record is first made ready to store
 * ({@link #prepare}), which any thread may do, then stored ({@link #accept(Ready)}) on the
 * harvest's thread, in order: a source reading on a thread of its own prepares its records there.
 */
public interface HarvestSink {
  /** A record {@link #prepare} made ready, for {@link #accept(Ready)} of the same sink. */
  interface Ready {}

  /**
   * Does for a well-formed record (the common trial and the registry's own payload, kept verbatim)
   * the work that depends on nothing stored: safe to call from any thread.
   */
  Ready prepare(Trial trial, Payload payload);

  /**
   * Stores a record this sink made ready. Its payload need only be readable until this returns: a
   * source may read payloads in place from a buffer it reuses afterwards.
   */
  void accept(Ready record) throws IOException;

  /** Prepares and stores a well-formed record. */
  default void accept(Trial trial, Payload payload) throws IOException {
    accept(prepare(trial, payload));
  }

  /** A record that could not be read and was left out. */
  void skipped(SkippedRecord record);
}
