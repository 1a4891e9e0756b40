package org.mdmatrials.run;

/**
 * Asks a harvest in progress to stop. Once raised it stays raised: the harvest fetches nothing more
 * and publishes nothing.
 */
public final class StopSignal {
  private volatile boolean raised;

  public void raise() {
    raised = true;
  }

  public boolean raised() {
    return raised;
  }
}
