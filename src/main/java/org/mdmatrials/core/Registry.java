package org.mdmatrials.core;

/** A public trial registry that trials are harvested from. */
public enum Registry {
  CTGOV("ClinicalTrials.gov"),
  ISRCTN("ISRCTN"),
  CTIS("EU CTIS"),
  EUCTR("EU Clinical Trials Register");

  private final String displayName;

  Registry(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
