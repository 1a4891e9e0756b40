package org.mdmatrials.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.Registries;
import org.mdmatrials.core.Registry;
import org.mdmatrials.http.HttpSettings;
import org.mdmatrials.source.BadSettingException;
import org.mdmatrials.source.RegistryModule;
import org.mdmatrials.source.SourceLocation;
import org.mdmatrials.source.SourceSection;
import org.mdmatrials.source.SourceSettings;

/** Reads {@code harvester.yaml}: unknown keys and bad values are refused, naming the key. */
public final class ConfigLoader {
  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private ConfigLoader() {}

  /**
   * Loads the file; {@code categories} is resolved against the file's folder, {@code output} and
   * {@code log-folder} against the working directory.
   */
  public static HarvesterConfig load(Path file, List<RegistryModule> modules)
      throws ConfigException {
    ConfigFile raw = parse(file);
    String where = file.toString();
    Path folder = Objects.requireNonNull(file.toAbsolutePath().getParent(), "the config's folder");
    var http = raw.http() == null ? HttpFile.DEFAULTS : raw.http();
    return new HarvesterConfig(
        raw.contact() == null ? "" : raw.contact().strip(),
        Path.of(orDefault(raw.output(), "output")),
        raw.logFolder() == null || raw.logFolder().isBlank() ? null : Path.of(raw.logFolder()),
        folder.resolve(orDefault(raw.categories(), "categories.yaml")),
        registryOrder(raw.registryOrder(), modules, where),
        Duration.ofDays(
            atLeast(raw.fullHarvestEveryDays(), 7, 1, where, "full-harvest-every-days")),
        new HarvesterConfig.Retention(
            atLeast(raw.keepSnapshots(), 30, 0, where, "keep-snapshots"),
            atLeast(raw.keepRunReports(), 30, 0, where, "keep-run-reports")),
        schedule(raw.schedule(), where),
        sources(raw.sources(), modules, where),
        http(http, where));
  }

  /**
   * Refuses settings, the command line's flags applied, that harvest no registry.
   *
   * @param where the file to name
   */
  public static void requireARegistry(HarvesterConfig settings, Path where) throws ConfigException {
    if (settings.sources().values().stream().noneMatch(SourceSettings::enabled)) {
      throw new ConfigException(
          where + ": key 'sources': every registry is switched off; enable at least one");
    }
  }

  /**
   * What a registry's records are read from, as settings hold it: a URL without a trailing slash, a
   * path made absolute.
   *
   * @param where the file and key, or the flag, to name when the value is refused
   */
  public static String checkLocation(SourceLocation location, String value, String where)
      throws ConfigException {
    try {
      return location.check(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where + ": " + e.getMessage(), e);
    }
  }

  private static ConfigFile parse(Path file) throws ConfigException {
    try {
      ConfigFile raw = YAML.readValue(Files.readString(file), ConfigFile.class);
      if (raw == null) {
        throw new ConfigException(file + ": the file is empty");
      }
      return raw;
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such config file", e);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(file + ": unknown key '" + keyPath(e) + "'", e);
    } catch (JsonMappingException e) {
      throw new ConfigException(
          file + ": bad value for key '" + keyPath(e) + "': " + e.getOriginalMessage(), e);
    } catch (JacksonException e) {
      throw new ConfigException(
          file
              + ": not valid YAML: "
              + e.getOriginalMessage()
              + " (line "
              + e.getLocation().getLineNr()
              + ")",
          e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static String keyPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  /**
   * Every module's settings from its section of {@code sources}; a section no module reads is
   * refused.
   */
  private static Map<Registry, SourceSettings> sources(
      @Nullable JsonNode sources, List<RegistryModule> modules, String where)
      throws ConfigException {
    JsonNode all = sources == null || sources.isNull() ? MissingNode.getInstance() : sources;
    if (!all.isMissingNode() && !all.isObject()) {
      throw new ConfigException(where + ": key 'sources' must be a map of registries");
    }
    for (Map.Entry<String, JsonNode> entry : all.properties()) {
      String key = entry.getKey();
      if (modules.stream().noneMatch(m -> m.key().equals(key))) {
        throw new ConfigException(
            where
                + ": unknown key 'sources."
                + key
                + "'; the registries are "
                + String.join(", ", modules.stream().map(RegistryModule::key).toList()));
      }
    }
    Map<Registry, SourceSettings> settings = new LinkedHashMap<>();
    for (RegistryModule module : modules) {
      String path = "sources." + module.key();
      JsonNode section = all.path(module.key());
      try {
        settings.put(module.registry(), module.settings(new SourceSection(path, section)));
      } catch (BadSettingException e) {
        throw new ConfigException(where + ": " + e.getMessage(), e);
      }
    }
    return settings;
  }

  /** The configured order, then any registry it leaves out in the default order. */
  private static List<Registry> registryOrder(
      @Nullable List<String> names, List<RegistryModule> modules, String where)
      throws ConfigException {
    Registries known =
        new Registries(
            modules.stream().flatMap(m -> m.recordRegistries().stream()).distinct().toList());
    List<Registry> order = new ArrayList<>();
    for (String name : names == null ? List.<String>of() : names) {
      Registry registry =
          known
              .byCode(name)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          where
                              + ": key 'registry-order' names an unknown registry '"
                              + name
                              + "'; known: ["
                              + known.codes()
                              + "]"));
      if (order.contains(registry)) {
        throw new ConfigException(where + ": key 'registry-order' names " + name + " twice");
      }
      order.add(registry);
    }
    known.all().stream().filter(r -> !order.contains(r)).forEach(order::add);
    return order;
  }

  private static HarvesterConfig.Schedule schedule(@Nullable ScheduleFile schedule, String where)
      throws ConfigException {
    ScheduleFile s = schedule == null ? new ScheduleFile(null, null) : schedule;
    try {
      return new HarvesterConfig.Schedule(
          orDefault(s.cron(), "0 30 2 * * ?"), ZoneId.of(orDefault(s.timeZone(), "UTC")));
    } catch (DateTimeException e) {
      throw new ConfigException(
          where + ": key 'schedule.time-zone': unknown time zone '" + s.timeZone() + "'", e);
    }
  }

  private static HttpSettings http(HttpFile http, String where) throws ConfigException {
    return new HttpSettings(
        Duration.ofSeconds(
            atLeast(http.connectTimeoutSeconds(), 10, 1, where, "http.connect-timeout-seconds")),
        Duration.ofSeconds(
            atLeast(http.readTimeoutSeconds(), 60, 1, where, "http.read-timeout-seconds")),
        Duration.ofSeconds(
            atLeast(http.callTimeoutSeconds(), 900, 1, where, "http.call-timeout-seconds")),
        atLeast(http.maxTries(), 5, 1, where, "http.max-tries"),
        Duration.ofMillis(
            atLeast(http.backoffBaseMillis(), 1000, 0, where, "http.backoff-base-millis")),
        Duration.ofSeconds(
            atLeast(http.backoffMaxSeconds(), 60, 0, where, "http.backoff-max-seconds")),
        Duration.ofSeconds(
            atLeast(http.retryAfterCapSeconds(), 300, 0, where, "http.retry-after-cap-seconds")),
        checkRateLimit(
            http.rateLimit() == null ? 1.0 : http.rateLimit(), where + ": key 'http.rate-limit'"));
  }

  /**
   * Requests per second to one host; 0 turns the limit off.
   *
   * @param where the file and key, or the flag, to name when the value is refused
   */
  public static double checkRateLimit(double value, String where) throws ConfigException {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new ConfigException(
          where
              + ": must be 0 (no limit) or a number of requests per second above 0, but was "
              + value);
    }
    return value;
  }

  private static int atLeast(
      @Nullable Integer value, int fallback, int minimum, String where, String key)
      throws ConfigException {
    int number = value == null ? fallback : value;
    if (number < minimum) {
      throw new ConfigException(
          where + ": key '" + key + "' must be at least " + minimum + " but was " + number);
    }
    return number;
  }

  private static String orDefault(@Nullable String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  /** The file as written: every key optional here, defaults and checks applied in {@link #load}. */
  record ConfigFile(
      @Nullable String contact,
      @Nullable String output,
      @Nullable String logFolder,
      @Nullable String categories,
      @Nullable List<String> registryOrder,
      @Nullable Integer fullHarvestEveryDays,
      @Nullable Integer keepSnapshots,
      @Nullable Integer keepRunReports,
      @Nullable ScheduleFile schedule,
      @Nullable JsonNode sources,
      @Nullable HttpFile http) {}

  record ScheduleFile(@Nullable String cron, @Nullable String timeZone) {}

  record HttpFile(
      @Nullable Integer connectTimeoutSeconds,
      @Nullable Integer readTimeoutSeconds,
      @Nullable Integer callTimeoutSeconds,
      @Nullable Integer maxTries,
      @Nullable Integer backoffBaseMillis,
      @Nullable Integer backoffMaxSeconds,
      @Nullable Integer retryAfterCapSeconds,
      @Nullable Double rateLimit) {
    static final HttpFile DEFAULTS = new HttpFile(null, null, null, null, null, null, null, null);
  }
}
