package org.mdmatrials.source.ctis;

import java.util.List;
import java.util.Map;

/**
 * CTIS's coded values in ClinicalTrials.gov's vocabulary. The codes are those of the public portal
 * (as transcribed by ctrdata's f.statusRecruitment and f.trialPhase); CTIS publishes no
 * specification of them.
 */
final class CtisVocabulary {
  /** {@code ctPublicStatusCode}: the portal's wording and the nearest ClinicalTrials.gov status. */
  private static final Map<Integer, Status> STATUSES =
      Map.ofEntries(
          Map.entry(1, new Status("Under evaluation", "NOT_YET_RECRUITING")),
          Map.entry(2, new Status("Authorised, recruitment pending", "NOT_YET_RECRUITING")),
          Map.entry(3, new Status("Authorised, recruiting", "RECRUITING")),
          Map.entry(4, new Status("Ongoing, recruiting", "RECRUITING")),
          Map.entry(5, new Status("Ongoing, recruitment ended", "ACTIVE_NOT_RECRUITING")),
          Map.entry(6, new Status("Temporarily halted", "SUSPENDED")),
          Map.entry(7, new Status("Suspended", "SUSPENDED")),
          // Ended includes ended early; the member states' events tell which (see overallStatus).
          Map.entry(8, new Status("Ended", "COMPLETED")),
          // Expired, not authorised and cancelled trials never started.
          Map.entry(9, new Status("Expired", "WITHDRAWN")),
          Map.entry(10, new Status("Revoked", "TERMINATED")),
          Map.entry(11, new Status("Not authorised", "WITHDRAWN")),
          Map.entry(12, new Status("Cancelled", "WITHDRAWN")));

  private static final int ENDED = 8;

  /** {@code trialCategory.trialPhase}: Phase I and II integrated trials are both phases. */
  private static final Map<String, List<String>> PHASES =
      Map.ofEntries(
          Map.entry("1", List.of("PHASE1")), // first administration to humans
          Map.entry("2", List.of("PHASE1")), // bioequivalence study
          Map.entry("3", List.of("PHASE1")), // other
          Map.entry("4", List.of("PHASE2")),
          Map.entry("5", List.of("PHASE3")),
          Map.entry("6", List.of("PHASE4")),
          Map.entry("7", List.of("PHASE1", "PHASE2")),
          Map.entry("8", List.of("PHASE1", "PHASE2")),
          Map.entry("9", List.of("PHASE1", "PHASE2")),
          Map.entry("10", List.of("PHASE2", "PHASE3")),
          Map.entry("11", List.of("PHASE3", "PHASE4")));

  private record Status(String label, String overall) {}

  private CtisVocabulary() {}

  /** The portal's wording of a public status code, or null for an unknown code. */
  static String statusLabel(Integer code) {
    Status status = code == null ? null : STATUSES.get(code);
    return status == null ? null : status.label();
  }

  /**
   * The ClinicalTrials.gov status of a public status code: an ended trial that every member state
   * ended early is TERMINATED; an unknown code is UNKNOWN, an absent one null.
   */
  static String overallStatus(Integer code, boolean endedEarlyEverywhere) {
    if (code == null) {
      return null;
    }
    if (code == ENDED && endedEarlyEverywhere) {
      return "TERMINATED";
    }
    Status status = STATUSES.get(code);
    return status == null ? "UNKNOWN" : status.overall();
  }

  /** The ClinicalTrials.gov phases of a phase code; empty for an absent or unknown code. */
  static List<String> phases(String code) {
    return code == null ? List.of() : PHASES.getOrDefault(code.strip(), List.of());
  }
}
