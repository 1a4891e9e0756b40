package org.mdmatrials.core;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Whether a registry record in a snapshot was fetched by the run that wrote it, or carried over
 * from an earlier snapshot (its registry failed, or an incremental harvest did not ask for it), and
 * then the time of the run that fetched it. Snapshots write it as {@code fresh} or {@code carried
 * over (data of 2026-11-27T02:00:00Z)}.
 */
public sealed interface SourceStatus {
  /** Fetched by the run that wrote the snapshot. */
  SourceStatus FRESH = new Fresh();

  /** As a snapshot writes it. */
  String text();

  /** The status a snapshot wrote as {@code text}. */
  static SourceStatus parse(String text) {
    if (text.equals(Fresh.TEXT)) {
      return FRESH;
    }
    if (text.startsWith(CarriedOver.PREFIX) && text.endsWith(")")) {
      try {
        return new CarriedOver(
            Instant.parse(text.substring(CarriedOver.PREFIX.length(), text.length() - 1)));
      } catch (DateTimeParseException e) {
        // Falls through to the error below.
      }
    }
    throw new IllegalArgumentException(
        "Expected a source status (fresh, or carried over (data of …)) but was \"" + text + "\"");
  }

  /** Fetched by the run that wrote the snapshot. */
  record Fresh() implements SourceStatus {
    private static final String TEXT = "fresh";

    @Override
    public String text() {
      return TEXT;
    }
  }

  /** Carried over from an earlier snapshot, whose run fetched it at {@code dataOf}. */
  record CarriedOver(Instant dataOf) implements SourceStatus {
    private static final String PREFIX = "carried over (data of ";

    @Override
    public String text() {
      return PREFIX + dataOf + ")";
    }
  }
}
