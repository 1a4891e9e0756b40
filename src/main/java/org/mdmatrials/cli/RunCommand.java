package org.mdmatrials.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.mdmatrials.classify.CategoryRulesLoader;
import org.mdmatrials.classify.Classifier;
import org.mdmatrials.classify.RulesException;
import org.mdmatrials.config.ConfigException;
import org.mdmatrials.config.HarvesterConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: one harvest now, then exit; what cron calls. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Harvest now, publish a snapshot under the output folder, and exit.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:published a complete snapshot",
      "1:the harvest failed; nothing was published, output/latest is unchanged",
      "2:bad usage or bad configuration",
      "3:published, with warnings (records skipped, or a failed registry carried over)",
      "75:another run is using the output folder; nothing was done (try again later)"
    })
final class RunCommand implements Callable<Integer> {
  static final int BAD_CONFIG = 2;

  @Spec CommandSpec spec;

  @Mixin HarvestSettings settings;

  @Option(
      names = "--full",
      description = "Harvest every registry in full, not only what changed since the last run.")
  boolean full;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    HarvesterConfig config;
    Classifier classifier;
    try {
      config = settings.load();
      classifier = new Classifier(CategoryRulesLoader.load(config.categories()));
    } catch (ConfigException | RulesException e) {
      err.println("mdma-trials: " + e.getMessage());
      return BAD_CONFIG;
    }
    return new HarvestRunner(config, classifier).runOnce(full, spec.commandLine().getOut(), err);
  }
}
