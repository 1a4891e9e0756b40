package org.mdmatrials.cli;

import java.nio.file.Path;
import org.mdmatrials.config.ConfigException;
import org.mdmatrials.config.ConfigLoader;
import org.mdmatrials.config.HarvesterConfig;
import picocli.CommandLine.Option;

/** The options {@code run} and {@code schedule} share: the config file and what overrides it. */
final class HarvestSettings {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: ${DEFAULT-VALUE}).",
      defaultValue = "config/harvester.yaml")
  Path config;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Output folder; overrides 'output'.")
  Path output;

  @Option(
      names = "--ctgov-url",
      paramLabel = "URL",
      description = "ClinicalTrials.gov API root; overrides 'sources.ctgov.url'.")
  String ctgovUrl;

  @Option(
      names = "--rate-limit",
      paramLabel = "REQUESTS_PER_SECOND",
      description =
          "Requests per second to each registry host, 0 for no limit; overrides 'http.rate-limit'.")
  Double rateLimit;

  /** The config file with the flags applied; a bad value names its key or flag. */
  HarvesterConfig load() throws ConfigException {
    HarvesterConfig settings = ConfigLoader.load(config);
    if (output != null) {
      settings = settings.withOutput(output);
    }
    if (rateLimit != null) {
      settings = settings.withRateLimit(ConfigLoader.checkRateLimit(rateLimit, "--rate-limit"));
    }
    if (ctgovUrl != null) {
      settings = settings.withCtGovUrl(ConfigLoader.checkUrl(ctgovUrl, "--ctgov-url"));
    }
    return settings;
  }
}
