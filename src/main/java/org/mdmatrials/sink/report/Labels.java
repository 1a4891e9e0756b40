package org.mdmatrials.sink.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.Indication;

/** What people read for the snapshot's codes: category names and colours, statuses, phases. */
final class Labels {
  /** Shown for a value the registry did not give. */
  static final String NOT_GIVEN = "Not given";

  private static final Pattern PHASE = Pattern.compile("(?:EARLY_)?PHASE(\\d)");
  private static final Pattern SEPARATOR = Pattern.compile("; ");

  private Labels() {}

  /** A moment to the second, in UTC: {@code 2026-11-28T02:30:00Z}. */
  static @Nullable String time(@Nullable Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** The categories in the report's order: the four indications, then the rest. */
  static List<Indication> categories() {
    return List.of(Indication.values());
  }

  /** The label of a category stored by name; a name the report does not know is shown as is. */
  static String category(@Nullable String name) {
    for (Indication category : Indication.values()) {
      if (category.name().equals(name)) {
        return category(category);
      }
    }
    return code(name);
  }

  static String category(Indication category) {
    return switch (category) {
      case PTSD -> "PTSD";
      case ANXIETY_LIFE_THREATENING_ILLNESS -> "Anxiety in life-threatening illness";
      case SOCIAL_ANXIETY -> "Social anxiety (autistic adults)";
      case COUPLES_THERAPY -> "Couples therapy";
      case OTHER -> "Other";
    };
  }

  /** The category's colour in the chart: the Okabe-Ito palette, told apart by colour-blind eyes. */
  static String colour(Indication category) {
    return switch (category) {
      case PTSD -> "#0072B2";
      case ANXIETY_LIFE_THREATENING_ILLNESS -> "#E69F00";
      case SOCIAL_ANXIETY -> "#009E73";
      case COUPLES_THERAPY -> "#CC79A7";
      case OTHER -> "#999999";
    };
  }

  /** {@code ACTIVE_NOT_RECRUITING} as {@code Active not recruiting}. */
  static String code(@Nullable String code) {
    if (code == null || code.isBlank()) {
      return NOT_GIVEN;
    }
    String words = code.strip().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** {@code PHASE2; PHASE3} as {@code Phase 2/3}, {@code NA} as {@code Not applicable}. */
  static String phases(String phases) {
    if (phases == null || phases.isBlank()) {
      return NOT_GIVEN;
    }
    List<String> each = Arrays.asList(SEPARATOR.split(phases.strip()));
    if (each.size() > 1 && each.stream().allMatch(p -> PHASE.matcher(p).matches())) {
      return "Phase "
          + each.stream()
              .map(p -> (p.startsWith("EARLY_") ? "early " : "") + p.substring(p.length() - 1))
              .collect(Collectors.joining("/"));
    }
    return each.stream().map(Labels::phase).collect(Collectors.joining(", "));
  }

  private static String phase(String phase) {
    if (phase.equals("NA")) {
      return "Not applicable";
    }
    if (phase.startsWith("EARLY_PHASE")) {
      return "Early phase " + phase.substring("EARLY_PHASE".length());
    }
    if (phase.startsWith("PHASE")) {
      return "Phase " + phase.substring("PHASE".length());
    }
    return code(phase);
  }
}
