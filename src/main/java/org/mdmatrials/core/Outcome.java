package org.mdmatrials.core;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One outcome a trial measures, as registered: what is measured, and when. Each is kept on one line
 * (runs of white space become one space), so that a cell lists one outcome after another and the
 * same outcome registered twice, in two formats, reads the same.
 */
public record Outcome(String measure, @Nullable String timeFrame) {
  private static final Pattern SPACE = Pattern.compile("\\s+");

  public Outcome {
    measure = oneLine(measure);
    if (measure.isEmpty()) {
      throw new IllegalArgumentException("Expected an outcome's measure but was empty");
    }
    timeFrame = timeFrame == null || timeFrame.isBlank() ? null : oneLine(timeFrame);
  }

  /** The outcome as one cell: {@code CAPS-5 total severity score [Baseline to 18 weeks]}. */
  public String label() {
    return timeFrame == null ? measure : measure + " [" + timeFrame + "]";
  }

  /** The outcomes as one cell, joined with "; ", as trials.csv holds them; null for none. */
  public static @Nullable String cell(List<Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return null;
    }
    StringBuilder cell = new StringBuilder();
    for (Outcome outcome : outcomes) {
      if (cell.length() > 0) {
        cell.append("; ");
      }
      cell.append(outcome.label());
    }
    return cell.toString();
  }

  private static String oneLine(String text) {
    String stripped = Objects.requireNonNull(text, "text").strip();
    // Most outcomes are on one line already: the pattern runs only where it changes something.
    return isOneLine(stripped) ? stripped : SPACE.matcher(stripped).replaceAll(" ");
  }

  private static boolean isOneLine(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean space = c == ' ';
      if ((!space && Character.isWhitespace(c)) || (space && text.charAt(i + 1) == ' ')) {
        return false;
      }
    }
    return true;
  }
}
