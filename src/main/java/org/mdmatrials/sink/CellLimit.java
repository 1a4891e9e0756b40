package org.mdmatrials.sink;

/**
 * Excel's limit on the characters in one cell, which the CSV and the workbook both keep: longer
 * text is cut with a visible marker saying where the whole of it is.
 */
public final class CellLimit {
  /** Excel's limit on the characters in one cell. */
  public static final int MAX_CHARS = 32_767;

  /** Ends a cut cell. */
  public static final String TRUNCATED = " [truncated: the full text is in trials.sqlite]";

  private CellLimit() {}

  /** {@code text} as it is when it fits, else cut (never inside a surrogate pair) and marked. */
  public static String fit(String text) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int keep = MAX_CHARS - TRUNCATED.length();
    if (Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--;
    }
    return text.substring(0, keep) + TRUNCATED;
  }
}
