package org.mdmatrials.sink.xlsx;

import java.util.Objects;

/**
 * A column of a sheet: its header, how its cells are written, and its width in characters (fixed,
 * never measured, so that no row need be kept to size it).
 */
record Column(String name, CellKind kind, double width) {
  Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }
}
