package org.mdmatrials.sink;

import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.Indication;
import org.mdmatrials.core.RunReport;

/**
 * A finished snapshot as its files are written from it: the run's report, and its rows, read anew
 * on each call, so that several files can be written from one snapshot at once, each on its own
 * thread.
 */
public interface Snapshot {
  /** The report of the run that wrote the snapshot. */
  RunReport run();

  /** Every trial's cells in {@link TrialColumn} order, by trial id. */
  void forEachTrial(RowHandler handler) throws IOException;

  /**
   * The cells of every trial that fits {@code category} (a trial of several categories comes under
   * each), as {@link #forEachTrial}.
   */
  void forEachTrialIn(Indication category, RowHandler handler) throws IOException;

  /** Every change's cells in {@link ChangeColumn} order, by trial id. */
  void forEachChange(RowHandler handler) throws IOException;

  /**
   * Every trial whose primary outcomes changed since the first it is known to have had, by trial
   * id: its id, title, page and MDMA role, when and how those first outcomes are known
   * (FIRST_REGISTERED, from the registry's record history, or FIRST_HARVESTED), what they were, and
   * what they are now.
   */
  void forEachOutcomeChange(RowHandler handler) throws IOException;

  /** Every registry record: its registry, the trial it went into, and its source status. */
  void forEachRecord(RecordHandler handler) throws IOException;

  /** Receives one row's cells: text, numbers, or null where the row has no value. */
  @FunctionalInterface
  interface RowHandler {
    void row(List<@Nullable Object> cells) throws IOException;
  }

  /** Receives one registry record. */
  @FunctionalInterface
  interface RecordHandler {
    void record(String registry, @Nullable String trialId, String sourceStatus) throws IOException;
  }
}
