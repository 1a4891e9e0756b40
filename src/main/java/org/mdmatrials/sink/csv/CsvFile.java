package org.mdmatrials.sink.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mdmatrials.core.OutputLayout;
import org.mdmatrials.sink.ChangeColumn;
import org.mdmatrials.sink.DataDictionary;
import org.mdmatrials.sink.Snapshot;
import org.mdmatrials.sink.SnapshotFile;
import org.mdmatrials.sink.TrialColumn;

/** A CSV of a snapshot: its name, its header, and the rows it holds. */
public record CsvFile(String name, List<String> header, Rows rows) implements SnapshotFile {
  /** Hands the file's rows, read from the snapshot, to a handler. */
  @FunctionalInterface
  public interface Rows {
    void forEach(Snapshot snapshot, Snapshot.RowHandler handler) throws IOException;
  }

  public CsvFile {
    header = List.copyOf(header);
  }

  /** {@code trials.csv}: one row per trial, by trial id. */
  public static CsvFile trials() {
    return new CsvFile(OutputLayout.TRIALS_CSV, TrialColumn.NAMES, Snapshot::forEachTrial);
  }

  /** {@code changes.csv}: what changed since the previous snapshot. */
  public static CsvFile changes() {
    return new CsvFile(OutputLayout.CHANGES_CSV, ChangeColumn.NAMES, Snapshot::forEachChange);
  }

  /** {@code data_dictionary.csv}: every column of every file and table. */
  public static CsvFile dictionary(DataDictionary dictionary) {
    return new CsvFile(
        OutputLayout.DICTIONARY,
        DataDictionary.HEADER,
        (snapshot, handler) -> {
          for (DataDictionary.Entry entry : dictionary.entries()) {
            handler.row(List.copyOf(entry.cells()));
          }
        });
  }

  /** {@code column_sources.csv}: where each column comes from, registry by registry. */
  public static CsvFile columnSources(DataDictionary dictionary) {
    return new CsvFile(
        OutputLayout.COLUMN_SOURCES,
        DataDictionary.SOURCES_HEADER,
        (snapshot, handler) -> {
          for (DataDictionary.Source source : dictionary.sources()) {
            handler.row(List.copyOf(source.cells()));
          }
        });
  }

  @Override
  public void write(Snapshot snapshot, Path file) throws IOException {
    try (CsvSnapshotWriter csv = CsvSnapshotWriter.create(file, header)) {
      rows.forEach(snapshot, csv::writeRow);
    }
  }
}
