package org.mdmatrials.source;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The settings of a registry searched with one query text: whether to harvest it (only when its
 * section is present), where it is, and what to ask it.
 */
public record QuerySettings(boolean enabled, String url, String query, Opener opener)
    implements SourceSettings {

  /** Opens the registry's source at an address with a query. */
  @FunctionalInterface
  public interface Opener {
    TrialSource open(String url, String query, SourceContext context);
  }

  /** Reads {@code enabled}, {@code url} and {@code query}; the query is needed when enabled. */
  public static QuerySettings read(SourceSection section, String defaultUrl, Opener opener)
      throws BadSettingException {
    section.allowOnly(Set.of("enabled", "url", "query"));
    if (!section.enabled(false)) {
      return new QuerySettings(false, defaultUrl, "", opener);
    }
    return new QuerySettings(true, section.url(defaultUrl), section.text("query"), opener);
  }

  @Override
  public SourceSettings withLocation(String newUrl) {
    return new QuerySettings(enabled, newUrl, query, opener);
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("enabled", enabled);
    keys.put("url", url);
    keys.put("query", query.isEmpty() ? "(none: switched off)" : query);
    return keys;
  }

  @Override
  public TrialSource open(SourceContext context) {
    return opener.open(url, query, context);
  }
}
