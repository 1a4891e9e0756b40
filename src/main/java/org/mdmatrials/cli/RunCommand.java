package org.mdmatrials.cli;

import ch.qos.logback.classic.Level;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.mdmatrials.classify.CategoryRulesLoader;
import org.mdmatrials.classify.Classifier;
import org.mdmatrials.classify.RulesException;
import org.mdmatrials.config.ConfigException;
import org.mdmatrials.config.HarvesterConfig;
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
      "1:the harvest failed; nothing was published, output/latest is unchanged",
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

  @Option(
      names = {"-q", "--quiet"},
      description =
          "Print nothing when a complete snapshot was published (exit code 0); otherwise the"
              + " summary and the problems as usual. No progress; logs only errors.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Log at DEBUG level on standard error: every request, retry and page.")
  boolean verbose;

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
    if (quiet && verbose) {
      err.println("mdma-trials: --quiet and --verbose contradict each other; pass one of them.");
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
        terminal.getAsBoolean() && !quiet
            ? new TerminalProgress(err, Clock.systemUTC())
            : ProgressListener.NONE;
    LogLevel level = new LogLevel(verbose ? Level.DEBUG : quiet ? Level.ERROR : null);
    try {
      return harvest(new HarvestRunner(config, classifier, modules, progress), err);
    } finally {
      level.restore();
    }
  }

  /** What to do about a bad configuration. */
  static String validateHint(Path config) {
    return "mdma-trials: fix the key named above; 'mdma-trials validate --config "
        + config
        + "' checks the whole file and prints every setting.";
  }

  private int harvest(HarvestRunner runner, PrintWriter err) {
    PrintWriter out = spec.commandLine().getOut();
    if (!quiet) {
      return runner.runOnce(full, out, err);
    }
    // The summary is held back and printed only when the run needs a look.
    StringWriter summary = new StringWriter();
    int exit = runner.runOnce(full, new PrintWriter(summary), err);
    if (exit != 0) {
      out.print(summary);
      out.flush();
    }
    return exit;
  }
}
