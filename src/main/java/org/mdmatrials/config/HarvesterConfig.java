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
    Sources sources,
    Http http) {

  public HarvesterConfig {
    registryOrder = List.copyOf(registryOrder);
  }

  /** When the {@code schedule} command harvests: a Quartz cron expression in a time zone. */
  public record Schedule(String cron, ZoneId timeZone) {}

  /** Every registry's settings. */
  public record Sources(CtGov ctgov, Source isrctn, Source ctis, Source euctr) {
    Sources withUrl(Registry registry, String url) {
      return switch (registry) {
        case CTGOV -> new Sources(ctgov.withUrl(url), isrctn, ctis, euctr);
        case ISRCTN -> new Sources(ctgov, isrctn.withUrl(url), ctis, euctr);
        case CTIS -> new Sources(ctgov, isrctn, ctis.withUrl(url), euctr);
        case EUCTR -> new Sources(ctgov, isrctn, ctis, euctr.withUrl(url));
      };
    }
  }

  /** ClinicalTrials.gov: whether to harvest it, where it is, what to ask it, studies a page. */
  public record CtGov(boolean enabled, String url, int pageSize, Map<String, String> search) {
    public CtGov {
      search = Map.copyOf(search);
    }

    CtGov withUrl(String newUrl) {
      return new CtGov(enabled, newUrl, pageSize, search);
    }
  }

  /** A registry searched with one query text: whether to harvest it, where it is, what to ask. */
  public record Source(boolean enabled, String url, String query) {
    Source withUrl(String newUrl) {
      return new Source(enabled, newUrl, query);
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
        contact, newOutput, categories, registryOrder, fullHarvestEvery, schedule, sources, http);
  }

  public HarvesterConfig withRateLimit(double requestsPerSecond) {
    return new HarvesterConfig(
        contact,
        output,
        categories,
        registryOrder,
        fullHarvestEvery,
        schedule,
        sources,
        http.withRateLimit(requestsPerSecond));
  }

  /** With another address for one registry, such as a local stand-in. */
  public HarvesterConfig withUrl(Registry registry, String url) {
    return new HarvesterConfig(
        contact,
        output,
        categories,
        registryOrder,
        fullHarvestEvery,
        schedule,
        sources.withUrl(registry, url),
        http);
  }
}
