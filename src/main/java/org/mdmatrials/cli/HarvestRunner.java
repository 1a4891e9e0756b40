package org.mdmatrials.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.classify.Classifier;
import org.mdmatrials.config.HarvesterConfig;
import org.mdmatrials.core.OutputLayout;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.RunOutcome;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.http.FailureText;
import org.mdmatrials.http.HttpClients;
import org.mdmatrials.http.RegistryClient;
import org.mdmatrials.http.RetryPolicy;
import org.mdmatrials.run.HarvestOptions;
import org.mdmatrials.run.HarvestRun;
import org.mdmatrials.run.ProgressListener;
import org.mdmatrials.run.RunLock;
import org.mdmatrials.run.StopSignal;
import org.mdmatrials.source.SourceContext;
import org.mdmatrials.source.TrialSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires one harvest from the settings, runs it, and tells the console how it went. */
final class HarvestRunner {
  private static final Logger log = LoggerFactory.getLogger(HarvestRunner.class);
  private final HarvesterConfig settings;
  private final Classifier classifier;
  private final Modules modules;
  private final ProgressListener progress;
  private final boolean quiet;
  private volatile @Nullable StopSignal stop;
  private volatile @Nullable OkHttpClient runningClient;

  /**
   * @param quiet print nothing of a harvest that published a complete snapshot
   */
  HarvestRunner(
      HarvesterConfig settings,
      Classifier classifier,
      Modules modules,
      ProgressListener progress,
      boolean quiet) {
    this.settings = settings;
    this.classifier = classifier;
    this.modules = modules;
    this.progress = progress;
    this.quiet = quiet;
  }

  /** Runs one harvest, prints its summary, and returns its exit code. */
  int runOnce(boolean full, PrintWriter out, PrintWriter err) {
    RetryPolicy retries = HttpClients.retryPolicy(settings.http(), RetryPolicy::threadSleep);
    StopSignal signal = new StopSignal();
    OkHttpClient client =
        stoppable(HttpClients.create(settings.http(), userAgent(settings.contact())), signal);
    stop = signal;
    runningClient = client;
    OutputLayout layout = new OutputLayout(settings.output());
    // Read before the run takes the output folder's lock: only for the summary's wording.
    boolean firstSnapshot = RunSummary.latestRunId(layout).isEmpty();
    try {
      HarvestOptions options =
          new HarvestOptions(
              settings.registryOrder(),
              full,
              settings.fullHarvestEvery(),
              modules.registries(),
              modules.trialIds(),
              modules.dictionary(),
              settings.keep().snapshots(),
              settings.keep().runReports());
      RunReport report =
          new HarvestRun(
                  sources(new RegistryClient(client, retries, Clock.systemUTC())),
                  classifier,
                  options,
                  layout,
                  Clock.systemUTC(),
                  retries::retriesByHost,
                  signal,
                  progress,
                  PauseAt.configured(err))
              .run();
      if (!(quiet && report.outcome() == RunOutcome.PUBLISHED)) {
        new RunSummary(layout, modules).print(report, firstSnapshot, out, err);
      }
      return ExitCode.of(report.outcome());
    } catch (RunLock.HeldException e) {
      err.println("mdma-trials: " + e.getMessage() + ". Try again once that run has ended.");
      return ExitCode.LOCKED;
    } catch (IOException e) {
      log.error("The output folder {} cannot be used", settings.output(), e);
      err.println(
          "mdma-trials: the output folder "
              + settings.output()
              + " cannot be used: "
              + FailureText.of(e)
              + ". Nothing was published; check its permissions and free space.");
      return ExitCode.FAILED;
    } finally {
      stop = null;
      runningClient = null;
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  /**
   * Stops the harvest in progress, if any: its requests are cancelled, later ones refused, and it
   * publishes nothing.
   */
  void cancel() {
    StopSignal signal = stop;
    OkHttpClient client = runningClient;
    if (signal != null) {
      signal.raise();
    }
    if (client != null) {
      client.dispatcher().cancelAll();
    }
  }

  /** The client, refusing every request once the harvest was asked to stop. */
  private static OkHttpClient stoppable(OkHttpClient client, StopSignal signal) {
    OkHttpClient.Builder builder = client.newBuilder();
    builder
        .interceptors()
        .add(
            0,
            chain -> {
              if (signal.raised()) {
                throw new IOException("the harvest was stopped");
              }
              return chain.proceed(chain.request());
            });
    return builder.build();
  }

  /**
   * The enabled registries, in the modules' order: a platform gathering other registries' records
   * after the registries harvested directly.
   */
  private List<TrialSource> sources(RegistryClient client) {
    SourceContext context = new SourceContext(client, Clock.systemUTC(), modules.registries());
    List<TrialSource> enabled = new ArrayList<>();
    for (Registry registry : settings.enabledRegistries()) {
      enabled.add(Objects.requireNonNull(settings.sources().get(registry)).open(context));
    }
    return enabled;
  }

  private static String userAgent(String contact) {
    String agent = "mdma-trials/" + Version.NUMBER;
    return contact.isEmpty() ? agent : agent + " (+mailto:" + contact + ")";
  }
}
