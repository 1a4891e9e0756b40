package org.mdmatrials.source.ictrp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.source.MalformedRecordException;

/**
 * The coded fields of an export in ClinicalTrials.gov's words: status, phases, study type, the
 * interventions' types and the target size, from the wordings every registry gives them (seen in
 * the exports PROVENANCE.md names).
 */
final class Vocabulary {
  private static final List<String> PHASE_ORDER =
      List.of("EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA");
  private static final Map<String, String> PHASE_NUMBERS =
      Map.of(
          "0", "EARLY_PHASE1", // ClinicalTrials.gov's Early Phase 1 was formerly Phase 0
          "1", "PHASE1",
          "i", "PHASE1",
          "2", "PHASE2",
          "ii", "PHASE2",
          "3", "PHASE3",
          "iii", "PHASE3",
          "4", "PHASE4",
          "iv", "PHASE4");

  /** The EU registries' list: {@code Therapeutic exploratory (Phase II): yes}. */
  private static final Pattern EU_PHASE =
      Pattern.compile("(?i)\\(Phase\\s+(I|II|III|IV)\\)\\s*:\\s*(yes|no)");

  private static final Pattern PHASE_PARTS = Pattern.compile("\\s*(?:/|-|,|&|\\band\\b)\\s*");
  private static final Pattern NO_PHASE =
      Pattern.compile(
          "(?i)not selected|not specified|none|retrospective study|new treatment measure clinical"
              + " study|others?");
  private static final Pattern NOT_APPLICABLE =
      Pattern.compile("(?i)n/?a|not applicable|not applicable \\(n/a\\)");
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("drug", "DRUG"),
          Map.entry("device", "DEVICE"),
          Map.entry("biological", "BIOLOGICAL"),
          Map.entry("procedure", "PROCEDURE"),
          Map.entry("radiation", "RADIATION"),
          Map.entry("behavioral", "BEHAVIORAL"),
          Map.entry("genetic", "GENETIC"),
          Map.entry("dietary supplement", "DIETARY_SUPPLEMENT"),
          Map.entry("combination product", "COMBINATION_PRODUCT"),
          Map.entry("diagnostic test", "DIAGNOSTIC_TEST"),
          Map.entry("other", "OTHER"));
  private static final Pattern TYPED =
      Pattern.compile("([A-Za-z ]{4,20}):\\s*(.+)", Pattern.DOTALL);
  private static final Pattern GROUP_SIZE = Pattern.compile("[^:;]*:\\s*(\\d{1,9})\\s*");

  private Vocabulary() {}

  /**
   * The overall status of an export's recruitment status. ICTRP says only whether a trial recruits:
   * "Not recruiting" covers trials not yet open, ongoing and ended alike, so it gives no overall
   * status (and a registry's own record, joined with this one, gives its); the EU register's
   * "Authorised" is active, recruitment not stated, as the EU register's own module reads
   * "Ongoing".
   */
  static @Nullable String status(@Nullable String wording) {
    if (wording == null) {
      return null;
    }
    return switch (wording.toLowerCase(Locale.ROOT)) {
      case "recruiting" -> "RECRUITING";
      case "not yet recruiting", "pending" -> "NOT_YET_RECRUITING";
      case "authorised", "authorized" -> "ACTIVE_NOT_RECRUITING";
      case "completed" -> "COMPLETED";
      case "suspended" -> "SUSPENDED";
      case "terminated" -> "TERMINATED";
      case "withdrawn" -> "WITHDRAWN";
      default -> null;
    };
  }

  /**
   * The phases {@code text} names, in any registry's wording: {@code Phase 2/Phase 3}, {@code Phase
   * III}, {@code 2-3}, {@code Phase1/Phase2}, {@code Early Phase 1}, {@code N/A}, or the EU
   * registries' list of yes and no; none for {@code Not selected} and the like.
   *
   * @throws MalformedRecordException at {@code path}, for wording that is none of these
   */
  static List<String> phases(@Nullable String text, String path) throws MalformedRecordException {
    if (text == null || NO_PHASE.matcher(text).matches()) {
      return List.of();
    }
    if (NOT_APPLICABLE.matcher(text).matches()) {
      return List.of("NA");
    }
    List<String> phases = new ArrayList<>();
    Matcher eu = EU_PHASE.matcher(text);
    while (eu.find()) {
      if (eu.group(2).equalsIgnoreCase("yes")) {
        phases.add(PHASE_NUMBERS.get(eu.group(1).toLowerCase(Locale.ROOT)));
      }
    }
    if (phases.isEmpty() && !EU_PHASE.matcher(text).find()) {
      String words = text.toLowerCase(Locale.ROOT).replaceFirst("^early\\s+phase\\s*1$", "0");
      for (String part : PHASE_PARTS.split(words.replace("phase", " ").strip(), -1)) {
        String phase = PHASE_NUMBERS.get(part.strip());
        if (phase == null) {
          throw new MalformedRecordException(
              path,
              "a phase such as \"Phase 2\", \"Phase 1/Phase 2\", \"2-3\", \"N/A\" or the EU"
                  + " registries' list of yes and no",
              "\"" + text + "\"");
        }
        phases.add(phase);
      }
    }
    return phases.stream()
        .distinct()
        .sorted(Comparator.comparingInt(PHASE_ORDER::indexOf))
        .toList();
  }

  /**
   * INTERVENTIONAL, OBSERVATIONAL or EXPANDED_ACCESS for any registry's wording; others as given.
   */
  static @Nullable String studyType(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String words = text.toLowerCase(Locale.ROOT);
    if (words.startsWith("interventional")) {
      return "INTERVENTIONAL";
    }
    if (words.startsWith("observational")) {
      return "OBSERVATIONAL";
    }
    return words.startsWith("expanded access") ? "EXPANDED_ACCESS" : text;
  }

  /**
   * One entry of {@code Intervention}: typed as ClinicalTrials.gov types it where the entry starts
   * with one of its types ({@code Drug: Midomafetamine}), else its text with no type.
   */
  static Intervention intervention(String entry) {
    Matcher m = TYPED.matcher(entry);
    if (m.matches()) {
      String type = TYPES.get(m.group(1).strip().toLowerCase(Locale.ROOT));
      if (type != null) {
        return new Intervention(type, m.group(2).strip(), List.of());
      }
    }
    return new Intervention(null, entry, List.of());
  }

  /**
   * The target size: a count, or the sum of ChiCTR's groups ({@code control group:50;sepsis
   * group:50;}); null for anything else (a count written as words).
   */
  static @Nullable Integer targetSize(@Nullable String text) {
    if (text == null) {
      return null;
    }
    if (text.matches("\\d{1,9}")) {
      return Integer.parseInt(text);
    }
    long sum = 0;
    List<String> groups = List.of(text.split(";", -1));
    for (String group : groups) {
      if (group.isBlank()) {
        continue;
      }
      Matcher m = GROUP_SIZE.matcher(group);
      if (!m.matches()) {
        return null;
      }
      sum += Long.parseLong(m.group(1));
    }
    return sum > 0 && sum <= Integer.MAX_VALUE ? (int) sum : null;
  }
}
