package org.mdmatrials.source.trialbook;

import java.util.List;
import okhttp3.HttpUrl;
import org.mdmatrials.core.ColumnSource;
import org.mdmatrials.core.IdForm;
import org.mdmatrials.core.Registry;
import org.mdmatrials.source.BadSettingException;
import org.mdmatrials.source.ColumnSources;
import org.mdmatrials.source.QuerySettings;
import org.mdmatrials.source.RegistryModule;
import org.mdmatrials.source.SourceSection;
import org.mdmatrials.source.SourceSettings;

/**
 * TrialBook, a registry made up for the test that a new registry is one package plus one line: a
 * JSON search API ({@code GET /trials?q=…}) whose trials cite other registries' ids. It exists in
 * tests only; no real registry answers like this.
 */
public final class TrialBookModule implements RegistryModule {
  public static final Registry REGISTRY = new Registry("TRIALBOOK", "TrialBook");
  private static final String DEFAULT_URL = "https://trialbook.invalid";

  @Override
  public Registry registry() {
    return REGISTRY;
  }

  @Override
  public String key() {
    return "trialbook";
  }

  @Override
  public SourceSettings settings(SourceSection section) throws BadSettingException {
    return QuerySettings.read(
        section,
        DEFAULT_URL,
        (url, query, context) -> new TrialBookSource(context.client(), HttpUrl.get(url), query));
  }

  @Override
  public List<IdForm> idForms() {
    return List.of(new IdForm("TB", "TB[\\s-]*(\\d{6})"));
  }

  @Override
  public List<ColumnSource> columnSources() {
    return ColumnSources.of(TrialBookModule.class);
  }
}
