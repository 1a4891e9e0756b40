package org.mdmatrials.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The settings of a harvest, as read from {@code config/harvester.yaml} and overridden on the
 * command line. Paths are already resolved.
 */
public record HarvesterConfig(
    String contact, Path output, Path categories, CtGov ctgov, Http http) {

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
      double rateLimit) {}

  public HarvesterConfig withOutput(Path newOutput) {
    return new HarvesterConfig(contact, newOutput, categories, ctgov, http);
  }

  public HarvesterConfig withRateLimit(double requestsPerSecond) {
    Http h = http;
    return new HarvesterConfig(
        contact,
        output,
        categories,
        ctgov,
        new Http(
            h.connectTimeout(),
            h.readTimeout(),
            h.callTimeout(),
            h.maxTries(),
            h.backoffBase(),
            h.backoffMax(),
            h.retryAfterCap(),
            requestsPerSecond));
  }

  public HarvesterConfig withCtGovUrl(String url) {
    return new HarvesterConfig(
        contact, output, categories, new CtGov(url, ctgov.pageSize(), ctgov.search()), http);
  }
}
