package org.mdmatrials.cli;

import org.mdmatrials.core.RunOutcome;

/** The exit codes of the commands, and the one mapping of a run's outcome to its code. */
final class ExitCode {
  /** A complete snapshot was published; the command did what was asked. */
  static final int OK = 0;

  /**
   * The harvest failed and published nothing; or, for other commands, what was asked for failed.
   */
  static final int FAILED = 1;

  /** Bad usage or bad configuration. */
  static final int BAD_CONFIG = 2;

  /** Published, with warnings. */
  static final int WARNINGS = 3;

  /** EX_TEMPFAIL of sysexits.h: another run is using the output folder; worth trying later. */
  static final int LOCKED = 75;

  private ExitCode() {}

  static int of(RunOutcome outcome) {
    return switch (outcome) {
      case PUBLISHED -> OK;
      case PUBLISHED_WITH_WARNINGS -> WARNINGS;
      case FAILED -> FAILED;
    };
  }
}
