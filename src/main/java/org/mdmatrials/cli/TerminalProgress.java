package org.mdmatrials.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SourceOutcome;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.run.ProgressListener;

/**
 * Progress for a person at a terminal, one line at a time on standard error: each registry as it
 * starts, its record count every few seconds, what it brought, then "writing".
 */
final class TerminalProgress implements ProgressListener {
  /** The longest a count goes untold while records keep arriving. */
  private static final Duration EVERY = Duration.ofSeconds(2);

  private final PrintWriter err;
  private final Clock clock;
  private Instant lastTold = Instant.MIN;

  TerminalProgress(PrintWriter err, Clock clock) {
    this.err = err;
    this.clock = clock;
  }

  /**
   * Whether a person watches at a terminal: {@code System.console()} is null otherwise up to JDK
   * 21; from JDK 22 on it never is, and {@code Console.isTerminal()} tells.
   */
  // The null check is right on the JDK 17 this targets; isTerminal() covers the later ones.
  @SuppressWarnings("SystemConsoleNull")
  static boolean attached() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  @Override
  public void sourceStarted(Registry registry) {
    tell(registry.displayName() + ": harvesting ...");
  }

  @Override
  public void recordsReceived(Registry registry, int records) {
    if (Duration.between(lastTold, clock.instant()).compareTo(EVERY) >= 0) {
      tell(registry.displayName() + ": " + count(records, "record") + " so far");
    }
  }

  @Override
  public void sourceFinished(SourceOutcome outcome) {
    String name = outcome.registry().displayName();
    String carried =
        outcome.carriedOver() == 0
            ? ""
            : ", " + count(outcome.carriedOver(), "record") + " kept from the previous snapshot";
    if (outcome instanceof SourceOutcome.Harvested harvested) {
      SourceSummary s = harvested.summary();
      tell(
          String.format(
              "%s: %s in %s (%s harvest%s%s)",
              name,
              count(s.received(), "record"),
              count(s.pages(), "page"),
              s.full() ? "full" : "incremental",
              s.skipped() == 0 ? "" : ", " + s.skipped() + " skipped",
              carried));
    } else {
      tell(name + ": failed: " + outcome.error() + carried);
    }
  }

  @Override
  public void writing() {
    tell("Writing the snapshot ...");
  }

  private static String count(int n, String thing) {
    return n + " " + thing + (n == 1 ? "" : "s");
  }

  private void tell(String line) {
    err.println(line);
    err.flush();
    lastTold = clock.instant();
  }
}
