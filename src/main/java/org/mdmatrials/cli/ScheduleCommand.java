package org.mdmatrials.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.classify.CategoryRulesLoader;
import org.mdmatrials.classify.Classifier;
import org.mdmatrials.classify.RulesException;
import org.mdmatrials.config.ConfigException;
import org.mdmatrials.config.HarvesterConfig;
import org.mdmatrials.core.OutputLayout;
import org.mdmatrials.run.ProgressListener;
import org.mdmatrials.schedule.NightlyScheduler;
import org.mdmatrials.schedule.ScheduleException;
import org.mdmatrials.store.PreviousSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code schedule}: a long-running process that harvests on a cron schedule. */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Keep running and harvest on the configured schedule (default 02:30 UTC every night), as"
          + " 'run' would, printing each harvest's summary. Stops cleanly on SIGTERM or Ctrl-C: a"
          + " harvest in progress is stopped and publishes nothing."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped cleanly",
      "1:the scheduler could not start",
      "2:bad usage or bad configuration"
    })
final class ScheduleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin HarvestSettings settings;

  @Option(
      names = "--cron",
      paramLabel = "EXPR",
      description =
          "Quartz cron expression, seconds first (e.g. \"0 30 2 * * ?\"); overrides 'schedule.cron'.")
  @Nullable String cron;

  @Option(names = "--now", description = "Harvest once at start, then on the schedule.")
  boolean now;

  @Mixin Verbosity verbosity;

  private final Modules modules;

  ScheduleCommand(Modules modules) {
    this.modules = modules;
  }

  @Override
  public Integer call() throws InterruptedException {
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
      err.println(RunCommand.validateHint(settings.config));
      return ExitCode.BAD_CONFIG;
    }
    Logging logging;
    try {
      logging = verbosity.logging(config.logFolder());
    } catch (IOException e) {
      err.println(RunCommand.logFolderProblem(settings.config, e));
      return ExitCode.BAD_CONFIG;
    }
    try {
      return schedule(config, classifier, err);
    } finally {
      logging.close();
    }
  }

  /** Schedules the harvests, and serves until stopped. */
  private int schedule(HarvesterConfig config, Classifier classifier, PrintWriter err)
      throws InterruptedException {
    HarvestRunner runner =
        new HarvestRunner(config, classifier, modules, ProgressListener.NONE, verbosity.quiet);
    NightlyScheduler scheduler;
    try {
      scheduler =
          new NightlyScheduler(
              cron != null ? cron : config.schedule().cron(),
              config.schedule().timeZone(),
              cron != null ? "--cron" : settings.config + ": key 'schedule.cron'",
              harvest(runner, spec.commandLine().getOut(), err),
              Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      err.println("mdma-trials: " + e.getMessage());
      err.println(RunCommand.validateHint(settings.config));
      return ExitCode.BAD_CONFIG;
    } catch (ScheduleException e) {
      err.println("mdma-trials: " + e.getMessage());
      return ExitCode.FAILED;
    }
    return serve(scheduler, lastRun(config, modules), err);
  }

  private int serve(NightlyScheduler scheduler, Optional<Instant> lastRun, PrintWriter err)
      throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              try {
                scheduler.stop();
              } catch (ScheduleException e) {
                err.println("mdma-trials: " + e.getMessage());
              } finally {
                stopped.countDown();
              }
            },
            "mdma-trials-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      scheduler.start(now, lastRun);
    } catch (ScheduleException e) {
      err.println("mdma-trials: " + e.getMessage());
      return ExitCode.FAILED;
    }
    stopped.await();
    return ExitCode.OK;
  }

  private static NightlyScheduler.Harvest harvest(
      HarvestRunner runner, PrintWriter out, PrintWriter err) {
    return new NightlyScheduler.Harvest() {
      @Override
      public int run() {
        return runner.runOnce(false, out, err);
      }

      @Override
      public void cancel() {
        runner.cancel();
      }
    };
  }

  private static Optional<Instant> lastRun(HarvesterConfig config, Modules modules) {
    try {
      return PreviousSnapshot.read(
              new OutputLayout(config.output()).latestDatabase(), modules.registries())
          .map(PreviousSnapshot::startedAt);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
