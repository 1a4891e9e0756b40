package org.mdmatrials.source;

import java.io.IOException;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.Trial;

/** Receives a source's records one at a time, as they arrive, on the harvest's thread. */
public interface HarvestSink {
  /**
   * A well-formed record: the common trial and the registry's own payload, kept verbatim. The
   * payload need only be readable until this returns: a source may read payloads in place from a
   * buffer it reuses afterwards.
   */
  void accept(Trial trial, Payload payload) throws IOException;

  /** A record that could not be read and was left out. */
  void skipped(SkippedRecord record);
}
