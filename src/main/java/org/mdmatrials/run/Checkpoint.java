package org.mdmatrials.run;

import java.io.InterruptedIOException;

/**
 * The moments of a run where what a crash leaves behind differs, told as the run reaches each, so
 * that a test can stop the process at exactly one of them. Runs tell no one ({@link #NONE}) unless
 * the command line sets one.
 */
@FunctionalInterface
public interface Checkpoint {
  /** Tells no one. */
  Checkpoint NONE = moment -> {};

  /** A moment of a run, in the order a run reaches them. */
  enum Moment {
    /** Every registry's records are in the staging database; nothing is joined or written yet. */
    HARVESTED,
    /** Every file of the snapshot is written in its staging folder. */
    FILES_WRITTEN,
    /** The staging folder is a snapshot folder now; {@code latest} still names the one before. */
    SNAPSHOT_MOVED,
    /** {@code latest} names the new snapshot; its versions are not yet committed to the history. */
    PUBLISHED
  }

  void reached(Moment moment) throws InterruptedIOException;
}
