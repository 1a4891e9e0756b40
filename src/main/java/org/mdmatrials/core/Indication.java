package org.mdmatrials.core;

/** The indication categories MDMA-assisted therapy trials are sorted into. */
public enum Indication {
  PTSD,
  ANXIETY_LIFE_THREATENING_ILLNESS,
  SOCIAL_ANXIETY,
  COUPLES_THERAPY,
  OTHER
}
