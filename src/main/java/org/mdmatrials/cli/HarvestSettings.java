package org.mdmatrials.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.config.ConfigException;
import org.mdmatrials.config.ConfigLoader;
import org.mdmatrials.config.HarvesterConfig;
import org.mdmatrials.source.RegistryModule;
import org.mdmatrials.source.SourceLocation;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The options {@code run}, {@code schedule} and {@code validate} share: the config file and what
 * overrides it, with a flag for every registry's module naming what its records are read from
 * ({@code --<key>-url}, or {@code --<key>-file} for a registry read from a saved file).
 */
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
  @Nullable Path output;

  @Option(
      names = "--rate-limit",
      paramLabel = "REQUESTS_PER_SECOND",
      description =
          "Requests per second to each registry host, 0 for no limit; overrides 'http.rate-limit'.")
  @Nullable Double rateLimit;

  /** Adds a {@code --<key>-url} or {@code --<key>-file} flag per module to {@code command}. */
  static void addLocationOptions(CommandSpec command, Modules modules) {
    for (RegistryModule module : modules.all()) {
      SourceLocation location = module.location();
      command.addOption(
          OptionSpec.builder(flag(module))
              .paramLabel(location.paramLabel())
              .type(String.class)
              .description(
                  module.registry().displayName()
                      + " "
                      + location.description()
                      + "; overrides '"
                      + key(module)
                      + "'.")
              .build());
    }
  }

  /**
   * The config file with the flags of {@code command} applied; a bad value names its key or flag.
   */
  HarvesterConfig load(Modules modules, CommandSpec command) throws ConfigException {
    HarvesterConfig settings = ConfigLoader.load(config, modules.all());
    if (output != null) {
      settings = settings.withOutput(output);
    }
    if (rateLimit != null) {
      settings = settings.withRateLimit(ConfigLoader.checkRateLimit(rateLimit, "--rate-limit"));
    }
    for (RegistryModule module : modules.all()) {
      OptionSpec flag = command.findOption(flag(module));
      String value = flag == null ? null : flag.getValue();
      if (value != null) {
        settings =
            settings.withLocation(
                module.registry(),
                ConfigLoader.checkLocation(module.location(), value, flag(module)));
      }
    }
    ConfigLoader.requireARegistry(settings, config);
    return settings;
  }

  private static String flag(RegistryModule module) {
    return "--" + module.key() + "-" + module.location().key();
  }

  private static String key(RegistryModule module) {
    return "sources." + module.key() + "." + module.location().key();
  }
}
