package org.mdmatrials.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.mdmatrials.classify.CategoryRulesLoader;
import org.mdmatrials.classify.Classifier;
import org.mdmatrials.classify.RulesException;
import org.mdmatrials.config.ConfigException;
import org.mdmatrials.config.ConfigLoader;
import org.mdmatrials.config.HarvesterConfig;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.http.HttpClients;
import org.mdmatrials.http.RetryPolicy;
import org.mdmatrials.run.Harvest;
import org.mdmatrials.run.RunLock;
import org.mdmatrials.source.ctgov.CtGovSource;
import picocli.CommandLine.Command;
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
      "3:published, with warnings (records skipped)",
      "75:another run is using the output folder; nothing was done (try again later)"
    })
final class RunCommand implements Callable<Integer> {
  static final int BAD_CONFIG = 2;

  /** EX_TEMPFAIL of sysexits.h: a temporary failure, worth trying again later. */
  static final int LOCKED = 75;

  @Spec CommandSpec spec;

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

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    HarvesterConfig settings;
    Classifier classifier;
    try {
      settings = settings();
      classifier = new Classifier(CategoryRulesLoader.load(settings.categories()));
    } catch (ConfigException | RulesException e) {
      err.println("mdma-trials: " + e.getMessage());
      return BAD_CONFIG;
    }
    RetryPolicy retries = HttpClients.retryPolicy(settings.http(), RetryPolicy::threadSleep);
    OkHttpClient client =
        HttpClients.create(settings.http(), userAgent(settings.contact()), retries);
    try {
      var ctgov = settings.ctgov();
      var source =
          new CtGovSource(
              client, retries, HttpUrl.get(ctgov.url()), ctgov.search(), ctgov.pageSize());
      RunReport report =
          new Harvest(
                  List.of(source),
                  classifier,
                  settings.output(),
                  Clock.systemUTC(),
                  retries::retriesByHost)
              .run();
      RunSummary.print(report, settings.output(), spec.commandLine().getOut(), err);
      return report.exitCode();
    } catch (RunLock.HeldException e) {
      err.println("mdma-trials: " + e.getMessage());
      return LOCKED;
    } catch (IOException e) {
      err.println(
          "mdma-trials: the output folder "
              + settings.output()
              + " cannot be used: "
              + e
              + ". Nothing was published; check its permissions and free space.");
      return Harvest.FAILED;
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private HarvesterConfig settings() throws ConfigException {
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

  private static String userAgent(String contact) {
    String agent = "mdma-trials/" + Version.NUMBER;
    return contact.isEmpty() ? agent : agent + " (+mailto:" + contact + ")";
  }
}
