package org.mdmatrials.source.euctr;

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

/** The EU Clinical Trials Register (EudraCT trials), read through its full text download. */
public final class EuCtrModule implements RegistryModule {
  public static final Registry REGISTRY = new Registry("EUCTR", "EU Clinical Trials Register");
  private static final String DEFAULT_URL = "https://www.clinicaltrialsregister.eu";

  @Override
  public Registry registry() {
    return REGISTRY;
  }

  @Override
  public String key() {
    return "euctr";
  }

  @Override
  public SourceSettings settings(SourceSection section) throws BadSettingException {
    return QuerySettings.read(
        section,
        DEFAULT_URL,
        (url, query, context) -> new EuCtrSource(context.client(), HttpUrl.get(url), query));
  }

  /**
   * EudraCT numbers: the year, six digits and two, {@code 2019-001234-56}; not the start of a CT
   * number, which goes on with two more.
   */
  @Override
  public List<IdForm> idForms() {
    return List.of(new IdForm("", "(\\d{4}-\\d{6}-\\d{2})(?!-?\\d)"));
  }

  @Override
  public List<ColumnSource> columnSources() {
    return ColumnSources.of(EuCtrModule.class);
  }
}
