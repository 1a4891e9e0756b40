package org.mdmatrials.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One arm of a trial with the names of the interventions it receives. */
public record ArmGroup(@Nullable String label, List<String> interventionNames) {
  public ArmGroup {
    interventionNames = Lists.copy(interventionNames);
  }
}
