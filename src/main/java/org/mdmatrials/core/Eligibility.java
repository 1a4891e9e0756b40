package org.mdmatrials.core;

import org.jspecify.annotations.Nullable;

/**
 * Who may take part: the ages, as the registry writes them ({@code 18 Years}), the sex (ALL, FEMALE
 * or MALE, ClinicalTrials.gov's words), whether healthy volunteers are accepted, and whether
 * patients are, where the registry says so apart (ISRCTN's participant types, CTIS's groups of
 * trial subjects, the EU register's F.3); ClinicalTrials.gov says only the first.
 */
public record Eligibility(
    @Nullable String minAge,
    @Nullable String maxAge,
    @Nullable String sex,
    @Nullable Boolean healthyVolunteers,
    @Nullable Boolean patients) {
  /** Nothing said. */
  public static final Eligibility NONE = new Eligibility(null, null, null, null, null);

  /** Whether the registry says the trial takes healthy volunteers and no patients. */
  public boolean onlyHealthyVolunteers() {
    return Boolean.TRUE.equals(healthyVolunteers) && Boolean.FALSE.equals(patients);
  }

  public boolean isEmpty() {
    return equals(NONE);
  }
}
