package org.mdmatrials.sink;

import java.io.IOException;
import java.nio.file.Path;

/** One file of a snapshot beside its database: trials.csv, the workbook, the report … */
public interface SnapshotFile {
  /** The file's name in the snapshot's folder. */
  String name();

  /** Writes the file to {@code file}, which must not exist yet, from {@code snapshot}. */
  void write(Snapshot snapshot, Path file) throws IOException;
}
