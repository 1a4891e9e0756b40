package org.mdmatrials.source;

import java.util.List;
import org.mdmatrials.core.ColumnSource;
import org.mdmatrials.core.IdForm;
import org.mdmatrials.core.Registry;

/**
 * Everything the tool knows of one registry, as one object: the registry, the key its settings go
 * by ({@code sources.<key>} in the configuration, {@code --<key>-url} on the command line), how its
 * settings are read and its source opened, the forms of its ids, and where each column comes from
 * in its records. The modules are listed once, in {@code cli}; nothing else names a registry.
 */
public interface RegistryModule {
  Registry registry();

  /** The registry's key: lower case letters and digits. */
  String key();

  /** The registry's address when the configuration gives none. */
  String defaultUrl();

  /**
   * The registry's settings from {@code sources.<key>}; {@code section} is empty when the
   * configuration leaves the key out.
   *
   * @throws BadSettingException naming the key of a value that is missing, unknown or wrong
   */
  SourceSettings settings(SourceSection section) throws BadSettingException;

  /** The forms of the registry's ids, as other registries' records cite them too. */
  List<IdForm> idForms();

  /** Where the snapshot's columns come from in this registry's records, for the data dictionary. */
  List<ColumnSource> columnSources();
}
