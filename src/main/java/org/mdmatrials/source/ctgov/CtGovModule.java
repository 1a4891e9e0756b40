package org.mdmatrials.source.ctgov;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import org.mdmatrials.core.ColumnSource;
import org.mdmatrials.core.IdForm;
import org.mdmatrials.core.Registry;
import org.mdmatrials.source.BadSettingException;
import org.mdmatrials.source.ColumnSources;
import org.mdmatrials.source.RegistryModule;
import org.mdmatrials.source.SourceContext;
import org.mdmatrials.source.SourceSection;
import org.mdmatrials.source.SourceSettings;
import org.mdmatrials.source.TrialSource;

/** ClinicalTrials.gov, read through its API v2. */
public final class CtGovModule implements RegistryModule {
  public static final Registry REGISTRY = new Registry("CTGOV", "ClinicalTrials.gov");
  private static final String DEFAULT_URL = "https://clinicaltrials.gov/api/v2";

  @Override
  public Registry registry() {
    return REGISTRY;
  }

  @Override
  public String key() {
    return "ctgov";
  }

  /** Harvested unless switched off; the search is needed then. */
  @Override
  public SourceSettings settings(SourceSection section) throws BadSettingException {
    section.allowOnly(Set.of("enabled", "url", "page-size", "search", "history-requests"));
    boolean enabled = section.enabled(true);
    return new Settings(
        enabled,
        section.url(DEFAULT_URL),
        section.integer("page-size", 1000, 1, 1000, "1 to 1000 (the API's maximum)"),
        enabled
            ? section.texts("search", "must name at least one query parameter, such as query.term")
            : Map.of(),
        section.integer("history-requests", 60, 0, 10_000, "0 (none) to 10000 a night"));
  }

  @Override
  public List<IdForm> idForms() {
    return List.of(new IdForm("NCT", "NCT[\\s-]*(\\d{8})"));
  }

  @Override
  public List<ColumnSource> columnSources() {
    return ColumnSources.of(CtGovModule.class);
  }

  /**
   * @param search {@code GET /studies} parameters ({@code query.term} and the like), sent as given
   * @param historyRequests the requests a night may spend reading record histories (the primary
   *     outcomes as first registered); 0 reads none
   */
  record Settings(
      boolean enabled, String url, int pageSize, Map<String, String> search, int historyRequests)
      implements SourceSettings {
    Settings {
      search = Map.copyOf(search);
    }

    @Override
    public SourceSettings withLocation(String newUrl) {
      return new Settings(enabled, newUrl, pageSize, search, historyRequests);
    }

    @Override
    public Map<String, Object> describe() {
      Map<String, Object> keys = new LinkedHashMap<>();
      keys.put("enabled", enabled);
      keys.put("url", url);
      keys.put("page-size", pageSize);
      keys.put("history-requests", historyRequests);
      search.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> keys.put("search." + e.getKey(), e.getValue()));
      return keys;
    }

    @Override
    public TrialSource open(SourceContext context) {
      return new CtGovSource(context.client(), HttpUrl.get(url), search, pageSize, historyRequests);
    }
  }
}
