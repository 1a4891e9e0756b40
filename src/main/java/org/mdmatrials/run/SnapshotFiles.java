package org.mdmatrials.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.Tasks;
import org.mdmatrials.sink.DataDictionary;
import org.mdmatrials.sink.RunReportFile;
import org.mdmatrials.sink.Snapshot;
import org.mdmatrials.sink.SnapshotFile;
import org.mdmatrials.sink.csv.CsvFile;
import org.mdmatrials.sink.report.HtmlReportWriter;
import org.mdmatrials.sink.xlsx.XlsxSnapshotWriter;

/**
 * The files of a snapshot beside its database, listed once, and their writing: two at a time, on
 * threads of their own, while the calling thread does other work. A new output is one entry here.
 */
final class SnapshotFiles {
  private static final int THREADS = 2;

  private final List<SnapshotFile> files;

  private SnapshotFiles(List<SnapshotFile> files) {
    this.files = List.copyOf(files);
  }

  /** Every file, in the order their writing starts: the workbook, which takes longest, first. */
  static SnapshotFiles all(DataDictionary dictionary) {
    return new SnapshotFiles(
        List.of(
            new XlsxSnapshotWriter(),
            CsvFile.trials(),
            CsvFile.changes(),
            CsvFile.dictionary(dictionary),
            CsvFile.columnSources(dictionary),
            new HtmlReportWriter(),
            new RunReportFile()));
  }

  /**
   * Writes every file into {@code folder} from {@code snapshot}, and meanwhile runs {@code
   * meanwhile} on the calling thread. Returns what {@code meanwhile} came to once every file is
   * written; or closes that and throws the first failure once every writing has ended, when the
   * folder may be deleted.
   */
  <T extends AutoCloseable> @Nullable T write(
      Snapshot snapshot, Path folder, Callable<@Nullable T> meanwhile) throws Exception {
    AtomicInteger thread = new AtomicInteger();
    ExecutorService writers =
        Executors.newFixedThreadPool(
            THREADS, task -> new Thread(task, "snapshot files " + thread.incrementAndGet()));
    List<Future<?>> writing = new ArrayList<>();
    try {
      for (SnapshotFile file : files) {
        writing.add(
            writers.submit(
                () -> {
                  file.write(snapshot, folder.resolve(file.name()));
                  return null;
                }));
      }
      T result = meanwhile.call();
      try {
        for (int i = 0; i < writing.size(); i++) {
          Tasks.await(writing.get(i), files.get(i).name());
        }
      } catch (IOException | RuntimeException e) {
        if (result != null) {
          result.close();
        }
        throw e;
      }
      return result;
    } finally {
      writers.shutdownNow();
      awaitQuietly(writers);
    }
  }

  /** Waits, however interrupted, until the pool's tasks have ended. */
  private static void awaitQuietly(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
