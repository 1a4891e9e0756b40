package org.mdmatrials.core;

/** Whether a trial studies MDMA or only mentions it (in eligibility criteria, say). */
public enum MdmaRole {
  INTERVENTION,
  MENTIONED
}
