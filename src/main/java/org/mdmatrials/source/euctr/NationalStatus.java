package org.mdmatrials.source.euctr;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

/**
 * The statuses a member-state record can have, each with its nearest word in ClinicalTrials.gov's
 * vocabulary; declared in order of precedence, so that a trial takes the first status any of its
 * member states has: active anywhere makes it active, otherwise halted anywhere makes it suspended,
 * and so on.
 */
enum NationalStatus {
  /**
   * "Ongoing" (or "Restarted") means authorised and not yet ended in that member state; the
   * register never says whether a trial recruits, so it is not RECRUITING. ACTIVE_NOT_RECRUITING is
   * the nearest word that keeps the trial among the active ones; read it as "active, recruitment
   * not stated".
   */
  ACTIVE("ACTIVE_NOT_RECRUITING"),
  /** "Temporarily Halted". */
  HALTED("SUSPENDED"),
  /** "Completed". */
  COMPLETED("COMPLETED"),
  /** "Prematurely Ended". */
  ENDED_EARLY("TERMINATED"),
  /** "Not Authorised": never authorised, so never started there. */
  NOT_AUTHORISED("WITHDRAWN"),
  /**
   * What says nothing of the trial's conduct: "GB - no longer in EU/EEA" (the UK record frozen
   * after Brexit), "Trial now transitioned" (continued in CTIS), and any wording not listed here.
   */
  OTHER("UNKNOWN");

  private final String overallStatus;

  NationalStatus(String overallStatus) {
    this.overallStatus = overallStatus;
  }

  static NationalStatus of(String wording) {
    return switch (wording.strip().toLowerCase(Locale.ROOT)) {
      case "ongoing", "restarted" -> ACTIVE;
      case "temporarily halted" -> HALTED;
      case "completed" -> COMPLETED;
      case "prematurely ended" -> ENDED_EARLY;
      case "not authorised" -> NOT_AUTHORISED;
      default -> OTHER;
    };
  }

  String overallStatus() {
    return overallStatus;
  }

  /** The trial's overall status from its member states' wordings; null when none gives one. */
  static String overall(Collection<String> wordings) {
    return wordings.stream()
        .filter(Objects::nonNull)
        .map(NationalStatus::of)
        .min(Enum::compareTo)
        .map(NationalStatus::overallStatus)
        .orElse(null);
  }
}
