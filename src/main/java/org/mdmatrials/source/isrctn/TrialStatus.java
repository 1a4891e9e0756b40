package org.mdmatrials.source.isrctn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A trial's status in ClinicalTrials.gov's vocabulary, with ISRCTN's own words for it. ISRCTN
 * records carry no status: its site derives one from the recruitment and end dates unless the
 * registrant set an override (in practice "Stopped" or "Suspended"), and so does this.
 *
 * @param overall RECRUITING, COMPLETED … as ClinicalTrials.gov says it
 * @param registry the override values, verbatim and joined with "; ", or when there is none the
 *     dates the status follows from: {@code Recruitment 2026-07-23 to 2028-03-31; overall end
 *     2029-08-01}
 */
record TrialStatus(String overall, String registry) {
  private static final Map<String, String> OVERRIDES =
      Map.of(
          "stopped", "TERMINATED",
          "suspended", "SUSPENDED",
          "withdrawn", "WITHDRAWN",
          "completed", "COMPLETED",
          "not yet recruiting", "NOT_YET_RECRUITING",
          "recruiting", "RECRUITING",
          "no longer recruiting", "ACTIVE_NOT_RECRUITING");

  /**
   * @param overrides the override values present, the strongest first: the overall status's, then
   *     the recruitment status's, then the recruitment start's
   * @param today the day the dates are compared with
   */
  static TrialStatus derive(
      List<String> overrides,
      LocalDate recruitmentStart,
      LocalDate recruitmentEnd,
      LocalDate overallEnd,
      LocalDate today) {
    if (!overrides.isEmpty()) {
      // An override the vocabulary does not know is the registry saying something we cannot
      // place: UNKNOWN, rather than the dates it overrides.
      String overall =
          overrides.stream()
              .map(o -> OVERRIDES.get(o.toLowerCase(Locale.ROOT)))
              .filter(o -> o != null)
              .findFirst()
              .orElse("UNKNOWN");
      return new TrialStatus(overall, String.join("; ", overrides.stream().distinct().toList()));
    }
    return new TrialStatus(
        fromDates(recruitmentStart, recruitmentEnd, overallEnd, today),
        describe(recruitmentStart, recruitmentEnd, overallEnd));
  }

  private static String fromDates(
      LocalDate recruitmentStart, LocalDate recruitmentEnd, LocalDate overallEnd, LocalDate today) {
    if (overallEnd != null && today.isAfter(overallEnd)) {
      return "COMPLETED";
    }
    if (recruitmentStart != null && today.isBefore(recruitmentStart)) {
      return "NOT_YET_RECRUITING";
    }
    if (recruitmentEnd != null && today.isAfter(recruitmentEnd)) {
      return "ACTIVE_NOT_RECRUITING";
    }
    return recruitmentStart != null ? "RECRUITING" : "UNKNOWN";
  }

  private static String describe(
      LocalDate recruitmentStart, LocalDate recruitmentEnd, LocalDate overallEnd) {
    List<String> parts = new ArrayList<>();
    if (recruitmentStart != null && recruitmentEnd != null) {
      parts.add("recruitment " + recruitmentStart + " to " + recruitmentEnd);
    } else if (recruitmentStart != null) {
      parts.add("recruitment from " + recruitmentStart);
    } else if (recruitmentEnd != null) {
      parts.add("recruitment until " + recruitmentEnd);
    }
    if (overallEnd != null) {
      parts.add("overall end " + overallEnd);
    }
    if (parts.isEmpty()) {
      return null;
    }
    String text = String.join("; ", parts);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
