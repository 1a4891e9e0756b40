package org.mdmatrials.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mdmatrials.core.ColumnSource;
import org.mdmatrials.core.IdForm;
import org.mdmatrials.core.Registries;
import org.mdmatrials.core.Registry;
import org.mdmatrials.join.TrialIds;
import org.mdmatrials.sink.DataDictionary;
import org.mdmatrials.source.RegistryModule;
import org.mdmatrials.source.ctgov.CtGovModule;
import org.mdmatrials.source.ctis.CtisModule;
import org.mdmatrials.source.euctr.EuCtrModule;
import org.mdmatrials.source.ictrp.IctrpModule;
import org.mdmatrials.source.isrctn.IsrctnModule;

/**
 * The registries the tool harvests, each as its module: the one list, in the default order of
 * preference for a trial several registries list, and the order they are harvested in. A new
 * registry is a package under {@code source/} and a line here. A module gathering other registries'
 * records (ICTRP) comes after the registries harvested directly, whose own records take the place
 * of its copies.
 */
public record Modules(List<RegistryModule> all) {
  public static final Modules SHIPPED =
      new Modules(
          List.of(
              new CtGovModule(),
              new IsrctnModule(),
              new CtisModule(),
              new EuCtrModule(),
              new IctrpModule()));

  public Modules {
    all = List.copyOf(all);
  }

  /**
   * Every registry a snapshot names: those the modules harvest and those their records are of, in
   * the modules' order.
   */
  public Registries registries() {
    return new Registries(
        all.stream()
            .flatMap(m -> Stream.concat(Stream.of(m.registry()), m.recordRegistries().stream()))
            .distinct()
            .toList());
  }

  /** The registries a trial's row can be of, in the default order of preference. */
  public List<Registry> recordRegistries() {
    return all.stream().flatMap(m -> m.recordRegistries().stream()).distinct().toList();
  }

  /** The key of a registry's module, as in {@code sources.<key>} and {@code --<key>-url}. */
  public String key(Registry registry) {
    return all.stream()
        .filter(m -> m.registry().equals(registry))
        .findFirst()
        .map(RegistryModule::key)
        .orElseThrow(() -> new IllegalArgumentException("no module for " + registry));
  }

  /** Recognises the ids of every module's registry. */
  public TrialIds trialIds() {
    List<IdForm> forms = all.stream().flatMap(m -> m.idForms().stream()).toList();
    return new TrialIds(forms);
  }

  /** The data dictionary, with where each column comes from in every module's registry. */
  public DataDictionary dictionary() {
    Map<Registry, List<ColumnSource>> sources = new LinkedHashMap<>();
    all.forEach(m -> sources.put(m.registry(), m.columnSources()));
    return new DataDictionary(recordRegistries(), sources);
  }
}
