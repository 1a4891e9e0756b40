package org.mdmatrials.source.ictrp;

import java.util.List;
import java.util.Set;
import org.mdmatrials.core.ColumnSource;
import org.mdmatrials.core.IdForm;
import org.mdmatrials.core.Registry;
import org.mdmatrials.source.BadSettingException;
import org.mdmatrials.source.ColumnSources;
import org.mdmatrials.source.RegistryModule;
import org.mdmatrials.source.SourceLocation;
import org.mdmatrials.source.SourceSection;
import org.mdmatrials.source.SourceSettings;

/**
 * WHO's International Clinical Trials Registry Platform, read from an export a person saved from
 * its Search Portal (trialsearch.who.int): WHO's terms let everyone search it and export the
 * results, but ask for credentials before any automated crawling, so the tool reads the file rather
 * than the site. Its records are of the registries WHO gathers (ANZCTR, NL-OMON, DRKS, JPRN …),
 * each kept as its registry's; a record of a registry harvested directly gives way to that
 * registry's own.
 */
public final class IctrpModule implements RegistryModule {
  public static final Registry REGISTRY = new Registry("ICTRP", "WHO ICTRP export");

  @Override
  public Registry registry() {
    return REGISTRY;
  }

  @Override
  public String key() {
    return "ictrp";
  }

  @Override
  public SourceLocation location() {
    return SourceLocation.FILE;
  }

  /** Read only when the section is present (then its file is needed) or a file is given. */
  @Override
  public SourceSettings settings(SourceSection section) throws BadSettingException {
    section.allowOnly(Set.of("enabled", "file"));
    if (!section.enabled(false)) {
      return new IctrpSettings(false, null);
    }
    return new IctrpSettings(true, section.file());
  }

  @Override
  public List<Registry> recordRegistries() {
    return WhoRegistries.GATHERED.stream().map(WhoRegistries.Gathered::registry).toList();
  }

  @Override
  public List<IdForm> idForms() {
    return WhoRegistries.forms();
  }

  @Override
  public List<ColumnSource> columnSources() {
    return ColumnSources.of(IctrpModule.class);
  }
}
