package org.mdmatrials.cli;

import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.util.Locale;
import org.mdmatrials.run.Checkpoint;

/**
 * The crash tests' hook: with the system property {@code mdma-trials.pause-at} naming a moment of a
 * run ({@code files-written}, say), the run says {@code paused at files-written} on standard error
 * when it gets there, and waits to be killed. Without it, runs pause nowhere.
 */
final class PauseAt implements Checkpoint {
  static final String PROPERTY = "mdma-trials.pause-at";

  private final Moment moment;
  private final PrintWriter err;

  private PauseAt(Moment moment, PrintWriter err) {
    this.moment = moment;
    this.err = err;
  }

  /** The checkpoint the system property asks for, or none. */
  static Checkpoint configured(PrintWriter err) {
    String name = System.getProperty(PROPERTY);
    if (name == null) {
      return Checkpoint.NONE;
    }
    return new PauseAt(Moment.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_')), err);
  }

  @Override
  public void reached(Moment reached) throws InterruptedIOException {
    if (reached != moment) {
      return;
    }
    err.println("paused at " + reached.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    err.flush();
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("stopped while paused at " + reached);
    }
  }
}
