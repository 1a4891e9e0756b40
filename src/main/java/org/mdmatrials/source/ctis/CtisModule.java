package org.mdmatrials.source.ctis;

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

/** EU CTIS, the Clinical Trials Information System, read through its public portal's API. */
public final class CtisModule implements RegistryModule {
  public static final Registry REGISTRY = new Registry("CTIS", "EU CTIS");
  private static final String DEFAULT_URL = "https://euclinicaltrials.eu";

  @Override
  public Registry registry() {
    return REGISTRY;
  }

  @Override
  public String key() {
    return "ctis";
  }

  /** The query is the words every listed trial contains (the portal's "contain all" search). */
  @Override
  public SourceSettings settings(SourceSection section) throws BadSettingException {
    return QuerySettings.read(
        section,
        DEFAULT_URL,
        (url, query, context) -> new CtisSource(context.client(), HttpUrl.get(url), query));
  }

  /** CT numbers: the year, six digits, and two pairs of digits, {@code 2023-508143-51-01}. */
  @Override
  public List<IdForm> idForms() {
    return List.of(new IdForm("", "(\\d{4}-\\d{6}-\\d{2}-\\d{2})"));
  }

  @Override
  public List<ColumnSource> columnSources() {
    return ColumnSources.of(CtisModule.class);
  }
}
