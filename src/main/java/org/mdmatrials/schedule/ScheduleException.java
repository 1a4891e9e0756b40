package org.mdmatrials.schedule;

/** The scheduler could not be created, started or stopped; the message says what Quartz said. */
public final class ScheduleException extends Exception {
  private static final long serialVersionUID = 1L;

  ScheduleException(String what, Throwable cause) {
    super(what + ": " + cause.getMessage(), cause);
  }
}
