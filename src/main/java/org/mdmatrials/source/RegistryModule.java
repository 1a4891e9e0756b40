package org.mdmatrials.source;

import java.util.List;
import org.mdmatrials.core.ColumnSource;
import org.mdmatrials.core.IdForm;
import org.mdmatrials.core.Registry;

/**
 * Everything the tool knows of one registry, as one object: the registry, the key its settings go
 * by ({@code sources.<key>} in the configuration, {@code --<key>-url} or {@code --<key>-file} on
 * the command line), what its records are read from, how its settings are read and its source
 * opened, the forms of its ids, and where each column comes from in its records. The modules are
 * listed once, in {@code cli}; nothing else names a registry.
 */
public interface RegistryModule {
  /**
   * The registry harvested: the one its records are of, or a platform gathering several registries'
   * records, as its runs are reported.
   */
  Registry registry();

  /**
   * The registries the source's records are of, that no module harvests directly: its own registry,
   * unless it gathers other registries' records (then those, each record's registry read from the
   * record). Records of a registry another module harvests directly take that module's registry.
   */
  default List<Registry> recordRegistries() {
    return List.of(registry());
  }

  /** The registry's key: lower case letters and digits. */
  String key();

  /**
   * What the registry's records are read from, which names its setting and its flag: an address on
   * the web unless the module says otherwise.
   */
  default SourceLocation location() {
    return SourceLocation.URL;
  }

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
