package org.mdmatrials.source.isrctn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.mdmatrials.source.MalformedRecordException;

/**
 * ISRCTN's phase wording ({@code Phase II/III}, {@code Not Applicable}) in ClinicalTrials.gov's
 * names: a combined phase gives each of its phases, as ClinicalTrials.gov lists PHASE2 and PHASE3
 * for a phase 2/3 trial.
 */
final class Phases {
  /** ClinicalTrials.gov's phases in their order. */
  private static final List<String> ORDER =
      List.of("EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA");

  private static final Map<String, String> NUMBERS =
      Map.of(
          "0", "EARLY_PHASE1", // ClinicalTrials.gov's Early Phase 1 was formerly Phase 0
          "i", "PHASE1",
          "1", "PHASE1",
          "ii", "PHASE2",
          "2", "PHASE2",
          "iii", "PHASE3",
          "3", "PHASE3",
          "iv", "PHASE4",
          "4", "PHASE4");

  private static final Pattern LEADING_WORD = Pattern.compile("(?i)^phase\\s*");
  private static final Pattern COMBINED =
      Pattern.compile("(?i)phase\\s*\\w+(\\s*/\\s*(phase\\s*)?\\w+)*");

  private Phases() {}

  /**
   * The phases {@code text} names: none for an empty text or {@code Not Specified}, NA for {@code
   * Not Applicable}.
   *
   * @param path where the text is, for the error
   * @throws MalformedRecordException when the text is none of these
   */
  static List<String> parse(String text, String path) throws MalformedRecordException {
    if (text == null || text.equalsIgnoreCase("Not Specified")) {
      return List.of();
    }
    if (text.equalsIgnoreCase("Not Applicable")) {
      return List.of("NA");
    }
    if (!COMBINED.matcher(text).matches()) {
      throw unknown(text, path);
    }
    List<String> phases = new ArrayList<>();
    for (String part : text.split("/", -1)) {
      String number = LEADING_WORD.matcher(part.strip()).replaceFirst("");
      String phase = NUMBERS.get(number.toLowerCase(Locale.ROOT));
      if (phase == null) {
        throw unknown(text, path);
      }
      phases.add(phase);
    }
    return sorted(phases);
  }

  /** Distinct phases in ClinicalTrials.gov's order. */
  static List<String> sorted(Collection<String> phases) {
    return phases.stream().distinct().sorted(Comparator.comparingInt(ORDER::indexOf)).toList();
  }

  private static MalformedRecordException unknown(String text, String path) {
    return new MalformedRecordException(
        path,
        "a phase such as \"Phase II/III\", \"Not Applicable\" or \"Not Specified\"",
        "\"" + text + "\"");
  }
}
