package org.mdmatrials.core;

import java.util.List;

/** One arm of a trial with the names of the interventions it receives. */
public record ArmGroup(String label, List<String> interventionNames) {
  public ArmGroup {
    interventionNames = Lists.copy(interventionNames);
  }
}
