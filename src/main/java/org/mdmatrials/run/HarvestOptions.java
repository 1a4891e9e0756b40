package org.mdmatrials.run;

import java.time.Duration;
import java.util.List;
import org.mdmatrials.core.Registries;
import org.mdmatrials.core.Registry;
import org.mdmatrials.join.TrialIds;
import org.mdmatrials.sink.DataDictionary;

/**
 * How a run harvests and joins: the registries in order of preference for a joined trial's row,
 * whether every registry is harvested in full this time, how often a full harvest is due otherwise,
 * the registries known (to read earlier snapshots by), the ids that join records, and the data
 * dictionary to publish; and how many snapshots, and reports of runs that published nothing, the
 * output folder keeps (0 for all).
 */
public record HarvestOptions(
    List<Registry> registryOrder,
    boolean forceFull,
    Duration fullEvery,
    Registries registries,
    TrialIds trialIds,
    DataDictionary dictionary,
    int keepSnapshots,
    int keepRunReports) {
  public HarvestOptions {
    registryOrder = List.copyOf(registryOrder);
  }
}
