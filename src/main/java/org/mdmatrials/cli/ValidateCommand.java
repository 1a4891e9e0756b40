package org.mdmatrials.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.mdmatrials.classify.CategoryRules;
import org.mdmatrials.classify.CategoryRulesLoader;
import org.mdmatrials.classify.RulesException;
import org.mdmatrials.config.ConfigException;
import org.mdmatrials.config.HarvesterConfig;
import org.mdmatrials.core.Registry;
import org.mdmatrials.schedule.NightlyScheduler;
import org.mdmatrials.source.RegistryModule;
import org.mdmatrials.source.SourceSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code validate}: checks the configuration and prints every setting a run would use. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Check the configuration and the category rules it names, and print every setting a run"
          + " would use, defaults included. Harvests nothing.",
      "Unknown keys, bad values (URLs, the cron expression, numbers) and empty term lists are"
          + " refused, naming the file and the key."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the configuration is valid", "2:bad usage or bad configuration"})
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin HarvestSettings settings;

  private final Modules modules;

  ValidateCommand(Modules modules) {
    this.modules = modules;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HarvesterConfig config;
    CategoryRules rules;
    try {
      config = settings.load(modules, spec);
      NightlyScheduler.check(config.schedule().cron(), settings.config + ": key 'schedule.cron'");
      rules = CategoryRulesLoader.load(config.categories());
    } catch (ConfigException | RulesException | IllegalArgumentException e) {
      err.println("mdma-trials: " + e.getMessage());
      err.println("mdma-trials: the configuration is not valid; fix the key named above.");
      return ExitCode.BAD_CONFIG;
    }
    out.println(settings.config + " is valid.");
    out.println();
    asked(config, out);
    out.println();
    out.println("The settings a run would use, defaults included:");
    print(settings(config, modules), out);
    out.println();
    out.println(
        "Category rules ("
            + config.categories()
            + "): a category fits a trial when one term of each all-of group is found in its"
            + " fields.");
    print(rules(rules), out);
    out.flush();
    return ExitCode.OK;
  }

  /** The registries a run asks, in order and where it reads each, and those switched off. */
  private void asked(HarvesterConfig config, PrintWriter out) {
    List<Registry> asked = config.enabledRegistries();
    out.println("A run asks " + count(asked.size()) + ", in this order:");
    Map<String, Object> addresses = new LinkedHashMap<>();
    for (Registry registry : asked) {
      Map<String, Object> settings =
          Objects.requireNonNull(config.sources().get(registry)).describe();
      addresses.put(
          registry.displayName(), settings.getOrDefault("url", settings.getOrDefault("file", "")));
    }
    print(addresses, out);
    List<String> off =
        modules.all().stream()
            .filter(m -> !asked.contains(m.registry()))
            .map(m -> m.registry().displayName() + " (sources." + m.key() + ")")
            .toList();
    out.println(
        off.isEmpty()
            ? "None is switched off (enabled: false under sources.<registry> switches one off)."
            : "Switched off: " + String.join(", ", off) + ".");
  }

  private static String count(int registries) {
    return registries == 1 ? "1 registry" : registries + " registries";
  }

  private static Map<String, Object> settings(HarvesterConfig c, Modules modules) {
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put(
        "contact",
        c.contact().isEmpty() ? "(empty: the User-Agent names no contact)" : c.contact());
    keys.put("output", c.output());
    keys.put(
        "log-folder",
        c.logFolder() == null
            ? "(none: logs go to standard error only)"
            : c.logFolder() + " (a file a day, kept " + Logging.KEEP_DAYS + " days)");
    keys.put("categories", c.categories());
    keys.put("registry-order", c.registryOrder().stream().map(Registry::code).toList());
    keys.put("full-harvest-every-days", c.fullHarvestEvery().toDays());
    keys.put(
        "keep-snapshots",
        kept(c.keep().snapshots(), "snapshots; older ones are removed once a run publishes"));
    keys.put(
        "keep-run-reports",
        kept(c.keep().runReports(), "reports of runs that published nothing, under runs/"));
    keys.put("schedule.cron", c.schedule().cron());
    keys.put("schedule.time-zone", c.schedule().timeZone());
    for (RegistryModule module : modules.all()) {
      SourceSettings source = c.sources().get(module.registry());
      if (source != null) {
        source
            .describe()
            .forEach((key, value) -> keys.put("sources." + module.key() + "." + key, value));
      }
    }
    var http = c.http();
    keys.put("http.connect-timeout-seconds", http.connectTimeout().toSeconds());
    keys.put("http.read-timeout-seconds", http.readTimeout().toSeconds());
    keys.put("http.call-timeout-seconds", http.callTimeout().toSeconds());
    keys.put("http.max-tries", http.maxTries());
    keys.put("http.backoff-base-millis", http.backoffBase().toMillis());
    keys.put("http.backoff-max-seconds", http.backoffMax().toSeconds());
    keys.put("http.retry-after-cap-seconds", http.retryAfterCap().toSeconds());
    keys.put(
        "http.rate-limit",
        http.rateLimit() == 0
            ? "0 (no limit)"
            : number(http.rateLimit())
                + (http.rateLimit() == 1 ? " request" : " requests")
                + " per second to each host");
    return keys;
  }

  private static Map<String, Object> rules(CategoryRules rules) {
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("mdma-names", rules.mdmaNames());
    keys.put("precedence", rules.precedence().stream().map(Enum::name).toList());
    for (CategoryRules.Rule rule : rules.categories()) {
      String key = "categories." + rule.category();
      keys.put(key + ".fields", fieldNames(rule.fields()));
      if (!rule.weakFields().isEmpty()) {
        keys.put(key + ".weak-fields", fieldNames(rule.weakFields()));
      }
      for (int i = 0; i < rule.allOf().size(); i++) {
        keys.put(key + ".all-of[" + i + "]", "one of: " + String.join(" | ", rule.allOf().get(i)));
      }
    }
    return keys;
  }

  private static List<String> fieldNames(java.util.Set<CategoryRules.Field> fields) {
    return fields.stream().sorted().map(CategoryRules.Field::key).toList();
  }

  /** One key a line, the values lined up. */
  private static void print(Map<String, Object> keys, PrintWriter out) {
    int width = keys.keySet().stream().mapToInt(String::length).max().orElse(0);
    keys.forEach(
        (key, value) -> out.printf("  %-" + (width + 1) + "s  %s%n", key + ":", text(value)));
  }

  private static String text(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    return String.valueOf(value);
  }

  private static String kept(int count, String what) {
    return count == 0 ? "0 (all are kept)" : count + " (the newest " + count + " " + what + ")";
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
