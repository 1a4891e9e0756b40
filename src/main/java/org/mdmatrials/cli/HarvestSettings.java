package org.mdmatrials.cli;

import java.nio.file.Path;
import org.mdmatrials.config.ConfigException;
import org.mdmatrials.config.ConfigLoader;
import org.mdmatrials.config.HarvesterConfig;
import org.mdmatrials.core.Registry;
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
      names = "--isrctn-url",
      paramLabel = "URL",
      description = "ISRCTN address; overrides 'sources.isrctn.url'.")
  String isrctnUrl;

  @Option(
      names = "--ctis-url",
      paramLabel = "URL",
      description = "EU CTIS address; overrides 'sources.ctis.url'.")
  String ctisUrl;

  @Option(
      names = "--euctr-url",
      paramLabel = "URL",
      description = "EU Clinical Trials Register address; overrides 'sources.euctr.url'.")
  String euctrUrl;

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
    settings = withUrl(settings, Registry.CTGOV, ctgovUrl, "--ctgov-url");
    settings = withUrl(settings, Registry.ISRCTN, isrctnUrl, "--isrctn-url");
    settings = withUrl(settings, Registry.CTIS, ctisUrl, "--ctis-url");
    return withUrl(settings, Registry.EUCTR, euctrUrl, "--euctr-url");
  }

  private static HarvesterConfig withUrl(
      HarvesterConfig settings, Registry registry, String url, String flag) throws ConfigException {
    return url == null ? settings : settings.withUrl(registry, ConfigLoader.checkUrl(url, flag));
  }
}
