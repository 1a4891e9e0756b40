package org.mdmatrials.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.mdmatrials.classify.CategoryRulesLoader;
import org.mdmatrials.classify.Classifier;
import org.mdmatrials.classify.RulesException;
import org.mdmatrials.config.ConfigException;
import org.mdmatrials.config.HarvesterConfig;
import org.mdmatrials.http.FailureText;
import org.mdmatrials.run.ProgressListener;
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
    description = {
      "Harvest now, publish a snapshot under the output folder, and exit.",
      "On a terminal, progress (records per registry, then writing) goes to standard error;"
          + " from cron, only the summary is printed."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:published a complete snapshot",
      "1:the harvest failed; nothing was published (output/latest, if any, is unchanged)",
      "2:bad usage or bad configuration",
      "3:published, with warnings (records skipped, or a failed registry carried over)",
      "75:another run is using the output folder; nothing was done (try again later)"
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin HarvestSettings settings;

  @Option(
      names = "--full",
      description = "Harvest every registry in full, not only what changed since the last run.")
  boolean full;

  @Mixin Verbosity verbosity;

  private final Modules modules;
  private final BooleanSupplier terminal;

  /**
   * @param terminal whether a person watches the run at a terminal
   */
  RunCommand(Modules modules, BooleanSupplier terminal) {
    this.modules = modules;
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    String contradiction = verbosity.contradiction();
    if (contradiction != null) {
      err.println(contradiction);
      return ExitCode.BAD_CONFIG;
    }
    HarvesterConfig config;
    Classifier classifier;
    try {
      config = settings.load(modules, spec);
      classifier = new Classifier(CategoryRulesLoader.load(config.categories()));
    } catch (ConfigException | RulesException e) {
      err.println("mdma-trials: " + e.getMessage());
      err.println(validateHint(settings.config));
      return ExitCode.BAD_CONFIG;
    }
    ProgressListener progress =
        terminal.getAsBoolean() && !verbosity.quiet
            ? new TerminalProgress(err, Clock.systemUTC())
            : ProgressListener.NONE;
    Logging logging;
    try {
      logging = verbosity.logging(config.logFolder());
    } catch (IOException e) {
      err.println(logFolderProblem(settings.config, e));
      return ExitCode.BAD_CONFIG;
    }
    try {
      return new HarvestRunner(config, classifier, modules, progress, verbosity.quiet)
          .runOnce(full, spec.commandLine().getOut(), err);
    } finally {
      logging.close();
    }
  }

  /** A log folder that cannot be written to, in words, naming the key. */
  static String logFolderProblem(Path config, IOException e) {
    return "mdma-trials: "
        + config
        + ": key 'log-folder': "
        + FailureText.of(e)
        + "; make the folder writable, or name another.";
  }

  /** What to do about a bad configuration. */
  static String validateHint(Path config) {
    return "mdma-trials: fix the key named above; 'mdma-trials validate --config "
        + config
        + "' checks the whole file and prints every setting.";
  }
}
