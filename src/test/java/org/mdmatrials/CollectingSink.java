package org.mdmatrials;

import java.util.ArrayList;
import java.util.List;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.Trial;
import org.mdmatrials.source.HarvestSink;

/** Keeps what a source hands on, for tests to look at. */
public final class CollectingSink implements HarvestSink {
  public final List<Trial> trials = new ArrayList<>();
  public final List<String> payloads = new ArrayList<>();
  public final List<SkippedRecord> skipped = new ArrayList<>();

  @Override
  public void accept(Trial trial, Payload payload) {
    trials.add(trial);
    payloads.add(payload.toString());
  }

  @Override
  public void skipped(SkippedRecord record) {
    skipped.add(record);
  }
}
