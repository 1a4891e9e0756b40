package org.mdmatrials.core;

import java.util.List;
import java.util.Optional;

/** The registries this build knows, in the order their modules are listed. */
public record Registries(List<Registry> all) {
  public Registries {
    all = List.copyOf(all);
  }

  /** The registry a snapshot or the configuration names by its code, if it is one of these. */
  public Optional<Registry> byCode(String code) {
    return all.stream().filter(r -> r.code().equals(code)).findFirst();
  }

  /** The codes, comma-separated, for messages. */
  public String codes() {
    return String.join(", ", all.stream().map(Registry::code).toList());
  }
}
