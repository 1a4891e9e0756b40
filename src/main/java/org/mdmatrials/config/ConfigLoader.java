package org.mdmatrials.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mdmatrials.core.Registry;

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
   * Loads the file; {@code categories} is resolved against the file's folder, {@code output}
   * against the working directory.
   */
  public static HarvesterConfig load(Path file) throws ConfigException {
    ConfigFile raw = parse(file);
    String where = file.toString();
    Path folder = file.toAbsolutePath().getParent();
    var http = raw.http() == null ? HttpFile.DEFAULTS : raw.http();
    return new HarvesterConfig(
        raw.contact() == null ? "" : raw.contact().strip(),
        Path.of(orDefault(raw.output(), "output")),
        folder.resolve(orDefault(raw.categories(), "categories.yaml")),
        registryOrder(raw.registryOrder(), where),
        Duration.ofDays(
            atLeast(raw.fullHarvestEveryDays(), 7, 1, where, "full-harvest-every-days")),
        schedule(raw.schedule(), where),
        sources(raw.sources() == null ? SourcesFile.NONE : raw.sources(), where),
        http(http, where));
  }

  /**
   * An absolute http or https URL, without a trailing slash.
   *
   * @param where the file and key, or the flag, to name when the value is refused
   */
  public static String checkUrl(String value, String where) throws ConfigException {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
        throw new ConfigException(
            where + ": expected an http or https URL but was \"" + value + "\"");
      }
    } catch (URISyntaxException e) {
      throw new ConfigException(
          where + ": not a URL: \"" + value + "\" (" + e.getReason() + ")", e);
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
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

  private static HarvesterConfig.Sources sources(SourcesFile sources, String where)
      throws ConfigException {
    CtGovFile ctgov = sources.ctgov() == null ? CtGovFile.DEFAULTS : sources.ctgov();
    boolean ctgovOn = ctgov.enabled() == null || ctgov.enabled();
    HarvesterConfig.Sources all =
        new HarvesterConfig.Sources(
            new HarvesterConfig.CtGov(
                ctgovOn,
                checkUrl(
                    orDefault(ctgov.url(), "https://clinicaltrials.gov/api/v2"),
                    where + ": key 'sources.ctgov.url'"),
                checkPageSize(ctgov.pageSize() == null ? 1000 : ctgov.pageSize(), where),
                ctgovOn ? checkSearch(ctgov.search(), where) : Map.of()),
            source(sources.isrctn(), "isrctn", "https://www.isrctn.com", where),
            source(sources.ctis(), "ctis", "https://euclinicaltrials.eu", where),
            source(sources.euctr(), "euctr", "https://www.clinicaltrialsregister.eu", where));
    if (!all.ctgov().enabled()
        && !all.isrctn().enabled()
        && !all.ctis().enabled()
        && !all.euctr().enabled()) {
      throw new ConfigException(
          where + ": key 'sources': every registry is switched off; enable at least one");
    }
    return all;
  }

  /** A registry searched with one query text; off when its key is absent. */
  private static HarvesterConfig.Source source(
      SourceFile file, String key, String defaultUrl, String where) throws ConfigException {
    if (file == null || Boolean.FALSE.equals(file.enabled())) {
      return new HarvesterConfig.Source(false, defaultUrl, "");
    }
    if (file.query() == null || file.query().isBlank()) {
      throw new ConfigException(where + ": key 'sources." + key + ".query' is empty");
    }
    return new HarvesterConfig.Source(
        true,
        checkUrl(orDefault(file.url(), defaultUrl), where + ": key 'sources." + key + ".url'"),
        file.query().strip());
  }

  private static int checkPageSize(int pageSize, String where) throws ConfigException {
    if (pageSize < 1 || pageSize > 1000) {
      throw new ConfigException(
          where
              + ": key 'sources.ctgov.page-size' must be 1 to 1000 (the API's maximum) but was "
              + pageSize);
    }
    return pageSize;
  }

  private static Map<String, String> checkSearch(Map<String, String> search, String where)
      throws ConfigException {
    if (search == null || search.isEmpty()) {
      throw new ConfigException(
          where
              + ": key 'sources.ctgov.search' must name at least one query parameter, such as query.term");
    }
    for (var entry : search.entrySet()) {
      if (entry.getValue() == null || entry.getValue().isBlank()) {
        throw new ConfigException(
            where + ": key 'sources.ctgov.search." + entry.getKey() + "' is empty");
      }
    }
    return search;
  }

  /** The configured order, then any registry it leaves out in the default order. */
  private static List<Registry> registryOrder(List<String> names, String where)
      throws ConfigException {
    List<Registry> order = new ArrayList<>();
    for (String name : names == null ? List.<String>of() : names) {
      try {
        Registry registry = Registry.valueOf(name);
        if (order.contains(registry)) {
          throw new ConfigException(where + ": key 'registry-order' names " + name + " twice");
        }
        order.add(registry);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            where
                + ": key 'registry-order' names an unknown registry '"
                + name
                + "'; known: "
                + Arrays.toString(Registry.values()),
            e);
      }
    }
    Arrays.stream(Registry.values()).filter(r -> !order.contains(r)).forEach(order::add);
    return order;
  }

  private static HarvesterConfig.Schedule schedule(ScheduleFile schedule, String where)
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

  private static HarvesterConfig.Http http(HttpFile http, String where) throws ConfigException {
    return new HarvesterConfig.Http(
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

  private static int atLeast(Integer value, int fallback, int minimum, String where, String key)
      throws ConfigException {
    int number = value == null ? fallback : value;
    if (number < minimum) {
      throw new ConfigException(
          where + ": key '" + key + "' must be at least " + minimum + " but was " + number);
    }
    return number;
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  /** The file as written: every key optional here, defaults and checks applied in {@link #load}. */
  record ConfigFile(
      String contact,
      String output,
      String categories,
      List<String> registryOrder,
      Integer fullHarvestEveryDays,
      ScheduleFile schedule,
      SourcesFile sources,
      HttpFile http) {}

  record ScheduleFile(String cron, String timeZone) {}

  record SourcesFile(CtGovFile ctgov, SourceFile isrctn, SourceFile ctis, SourceFile euctr) {
    static final SourcesFile NONE = new SourcesFile(null, null, null, null);
  }

  record CtGovFile(Boolean enabled, String url, Integer pageSize, Map<String, String> search) {
    static final CtGovFile DEFAULTS = new CtGovFile(null, null, null, null);
  }

  record SourceFile(Boolean enabled, String url, String query) {}

  record HttpFile(
      Integer connectTimeoutSeconds,
      Integer readTimeoutSeconds,
      Integer callTimeoutSeconds,
      Integer maxTries,
      Integer backoffBaseMillis,
      Integer backoffMaxSeconds,
      Integer retryAfterCapSeconds,
      Double rateLimit) {
    static final HttpFile DEFAULTS = new HttpFile(null, null, null, null, null, null, null, null);
  }
}
