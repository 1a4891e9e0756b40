package org.mdmatrials.run;

import java.time.Duration;
import java.util.List;
import org.mdmatrials.core.Registry;

/**
 * How a run harvests and joins: the registries in order of preference for a joined trial's row,
 * whether every registry is harvested in full this time, and how often a full harvest is due
 * otherwise.
 */
public record HarvestOptions(List<Registry> registryOrder, boolean forceFull, Duration fullEvery) {
  public HarvestOptions {
    registryOrder = List.copyOf(registryOrder);
  }
}
