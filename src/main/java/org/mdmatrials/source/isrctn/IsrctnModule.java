package org.mdmatrials.source.isrctn;

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

/** The ISRCTN registry, read through its query API. */
public final class IsrctnModule implements RegistryModule {
  public static final Registry REGISTRY = new Registry("ISRCTN", "ISRCTN");
  private static final String DEFAULT_URL = "https://www.isrctn.com";

  @Override
  public Registry registry() {
    return REGISTRY;
  }

  @Override
  public String key() {
    return "isrctn";
  }

  @Override
  public SourceSettings settings(SourceSection section) throws BadSettingException {
    return QuerySettings.read(
        section,
        DEFAULT_URL,
        (url, query, context) ->
            new IsrctnSource(context.client(), HttpUrl.get(url), query, context.clock()));
  }

  @Override
  public List<IdForm> idForms() {
    return List.of(new IdForm("ISRCTN", "ISRCTN[\\s-]*(\\d{8})"));
  }

  @Override
  public List<ColumnSource> columnSources() {
    return ColumnSources.of(IsrctnModule.class);
  }
}
