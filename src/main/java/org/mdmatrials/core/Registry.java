package org.mdmatrials.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A public trial registry that trials are harvested from: its code, as snapshots and the
 * configuration write it, in capitals, and its name for people. Each registry's module defines its
 * own; two registries are the same when their codes are.
 */
public record Registry(String code, String displayName) {
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

  public Registry {
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "Expected a registry code of capital letters, digits and _ but was \"" + code + "\"");
    }
    Objects.requireNonNull(displayName, "displayName");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Registry registry && registry.code.equals(code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  @Override
  public String toString() {
    return code;
  }
}
