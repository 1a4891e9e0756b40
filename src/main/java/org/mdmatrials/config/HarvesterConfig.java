package org.mdmatrials.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.Registry;
import org.mdmatrials.http.HttpSettings;
import org.mdmatrials.source.SourceSettings;

/**
 * The settings of a harvest, as read from {@code config/harvester.yaml} and overridden on the
 * command line. Paths are already resolved.
 *
 * @param logFolder where each day's log file goes, or null for none
 * @param registryOrder registries in order of preference for the id and page of a trial that
 *     several list
 * @param fullHarvestEvery how long after a full harvest an incremental one still does
 * @param sources every registry's settings, in the order the modules are listed
 */
public record HarvesterConfig(
    String contact,
    Path output,
    @Nullable Path logFolder,
    Path categories,
    List<Registry> registryOrder,
    Duration fullHarvestEvery,
    Retention keep,
    Schedule schedule,
    Map<Registry, SourceSettings> sources,
    HttpSettings http) {

  public HarvesterConfig {
    registryOrder = List.copyOf(registryOrder);
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  /** When the {@code schedule} command harvests: a Quartz cron expression in a time zone. */
  public record Schedule(String cron, ZoneId timeZone) {}

  /**
   * How many of the newest snapshots, and of the newest reports of runs that published nothing, the
   * output folder keeps; 0 keeps all.
   */
  public record Retention(int snapshots, int runReports) {}

  /**
   * The registries a run asks, in the order it asks them: those switched on, in the modules' order
   * (a platform gathering other registries' records after the registries harvested directly).
   */
  public List<Registry> enabledRegistries() {
    return sources.entrySet().stream()
        .filter(e -> e.getValue().enabled())
        .map(Map.Entry::getKey)
        .toList();
  }

  public HarvesterConfig withOutput(Path newOutput) {
    return new HarvesterConfig(
        contact,
        newOutput,
        logFolder,
        categories,
        registryOrder,
        fullHarvestEvery,
        keep,
        schedule,
        sources,
        http);
  }

  public HarvesterConfig withRateLimit(double requestsPerSecond) {
    return new HarvesterConfig(
        contact,
        output,
        logFolder,
        categories,
        registryOrder,
        fullHarvestEvery,
        keep,
        schedule,
        sources,
        http.withRateLimit(requestsPerSecond));
  }

  /**
   * Reading one registry from elsewhere: another address (a local stand-in's, say) or another file,
   * already checked.
   */
  public HarvesterConfig withLocation(Registry registry, String location) {
    SourceSettings settings = sources.get(registry);
    if (settings == null) {
      throw new IllegalArgumentException("no settings for " + registry);
    }
    Map<Registry, SourceSettings> changed = new LinkedHashMap<>(sources);
    changed.put(registry, settings.withLocation(location));
    return new HarvesterConfig(
        contact,
        output,
        logFolder,
        categories,
        registryOrder,
        fullHarvestEvery,
        keep,
        schedule,
        changed,
        http);
  }
}
