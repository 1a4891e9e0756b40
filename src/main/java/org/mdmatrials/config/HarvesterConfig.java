package org.mdmatrials.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.mdmatrials.core.Registry;

/**
 * The settings of a harvest, as read from {@code config/harvester.yaml} and overridden on the
 * command line. Paths are already resolved.
 *
 * @param registryOrder registries in order of preference for the id and page of a trial that
 *     several list
 * @param fullHarvestEvery how long after a full harvest an incremental one still does
 */
public record HarvesterConfig(
    String contact,
    Path output,
    Path categories,
    List<Registry> registryOrder,
    Duration fullHarvestEvery,
    Schedule schedule,
    CtGov ctgov,
    Http http) {

  public HarvesterConfig {
    registryOrder = List.copyOf(registryOrder);
  }

  /** When the {@code schedule} command harvests: a Quartz cron expression in a time zone. */
  public record Schedule(String cron, ZoneId timeZone) {}

  /** ClinicalTrials.gov: where it is, what to ask it, how many studies a page. */
  public record CtGov(String url, int pageSize, Map<String, String> search) {
    public CtGov {
      search = Map.copyOf(search);
    }
  }

  /**
   * The HTTP policy shared by every registry: timeouts, retries, and the polite request rate per
   * host (0 for no limit).
   */
  public record Http(
      Duration connectTimeout,
      Duration readTimeout,
      Duration callTimeout,
      int maxTries,
      Duration backoffBase,
      Duration backoffMax,
      Duration retryAfterCap,
      double rateLimit) {

    Http withRateLimit(double requestsPerSecond) {
      return new Http(
          connectTimeout,
          readTimeout,
          callTimeout,
          maxTries,
          backoffBase,
          backoffMax,
          retryAfterCap,
          requestsPerSecond);
    }
  }

  public HarvesterConfig withOutput(Path newOutput) {
    return new HarvesterConfig(
        contact, newOutput, categories, registryOrder, fullHarvestEvery, schedule, ctgov, http);
  }

  public HarvesterConfig withRateLimit(double requestsPerSecond) {
    return new HarvesterConfig(
        contact,
        output,
        categories,
        registryOrder,
        fullHarvestEvery,
        schedule,
        ctgov,
        http.withRateLimit(requestsPerSecond));
  }

  public HarvesterConfig withCtGovUrl(String url) {
    return new HarvesterConfig(
        contact,
        output,
        categories,
        registryOrder,
        fullHarvestEvery,
        schedule,
        new CtGov(url, ctgov.pageSize(), ctgov.search()),
        http);
  }

  public HarvesterConfig withSchedule(Schedule newSchedule) {
    return new HarvesterConfig(
        contact, output, categories, registryOrder, fullHarvestEvery, newSchedule, ctgov, http);
  }
}
