package org.mdmatrials.source.ictrp;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An export's text as the common record takes it. ICTRP pads every value with spaces and line
 * breaks, writes the registries' line breaks as {@code <br>} (and NL-OMON's paragraphs as {@code
 * <p>}), as text rather than markup, and parts several values of one field with {@code ;} and
 * {@code <br>}. An empty value is one not given.
 */
final class Texts {
  private static final Pattern BREAK =
      Pattern.compile("(?i)<\\s*br\\s*/?\\s*>|</\\s*p\\s*>|\\r?\\n|\\r");
  private static final Pattern PARAGRAPH = Pattern.compile("(?i)<\\s*p\\s*>");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");
  private static final Pattern VALUES = Pattern.compile(";|(?i)<\\s*br\\s*/?\\s*>|</\\s*p\\s*>");

  private Texts() {}

  /** The text on one line, its line breaks and runs of spaces as one space; null when empty. */
  static @Nullable String line(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String text =
        SPACES
            .matcher(BREAK.matcher(PARAGRAPH.matcher(raw).replaceAll(" ")).replaceAll(" "))
            .replaceAll(" ")
            .strip();
    return text.isEmpty() ? null : text;
  }

  /** The text with its line breaks, each line on one line, empty lines left out; null if empty. */
  static @Nullable String lines(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    List<String> lines =
        BREAK
            .splitAsStream(PARAGRAPH.matcher(raw).replaceAll("\n"))
            .map(Texts::line)
            .filter(Objects::nonNull)
            .toList();
    return lines.isEmpty() ? null : String.join("\n", lines);
  }

  /**
   * The several values of a field parted by {@code ;} and {@code <br>}, each on one line, empty and
   * repeated ones left out ({@code Countries} lists each country again for every site list).
   */
  static List<String> values(@Nullable String raw) {
    return parts(raw, VALUES, false);
  }

  /** The entries of a field parted by {@code ;} only, each keeping its line breaks. */
  static List<String> entries(@Nullable String raw) {
    return parts(raw, Pattern.compile(";"), true);
  }

  private static List<String> parts(@Nullable String raw, Pattern separator, boolean keepLines) {
    if (raw == null) {
      return List.of();
    }
    Set<String> values = new LinkedHashSet<>();
    separator
        .splitAsStream(raw)
        .map(part -> keepLines ? lines(part) : line(part))
        .filter(Objects::nonNull)
        .forEach(values::add);
    return List.copyOf(values);
  }
}
