package org.mdmatrials.sink.xlsx;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.Tasks;
import org.mdmatrials.sink.Snapshot.RowHandler;

/**
 * Reads rows and makes them into cells on a thread of its own, a batch ahead of the thread writing
 * them: reading the database is about a third of the time a sheet takes. Holds at most a few
 * batches.
 */
final class RowsAhead implements AutoCloseable {
  private static final int BATCH = 500;
  private static final int BATCHES_AHEAD = 4;

  private final ExecutorService reader =
      Executors.newSingleThreadExecutor(task -> new Thread(task, "trials.xlsx rows"));

  /**
   * Hands every row {@code rows} reads, made into cells by {@code cells} on the reading thread, to
   * {@code handler}, in order, on the calling thread.
   */
  void forEach(
      Rows rows, Function<List<@Nullable Object>, List<@Nullable Object>> cells, RowHandler handler)
      throws IOException {
    BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    Future<?> reading = reader.submit(() -> read(rows, cells, queue));
    try {
      for (Batch batch = queue.take(); !batch.last(); batch = queue.take()) {
        for (List<@Nullable Object> row : batch.rows()) {
          handler.row(row);
        }
      }
      Tasks.await(reading, "the rows read ahead");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing rows");
    } finally {
      // Stops a reading still going when writing failed; it is blocked handing on a batch.
      reading.cancel(true);
    }
  }

  /** Reads every row into the queue, and then the last (empty) batch, even when reading failed. */
  private static @Nullable Void read(
      Rows rows,
      Function<List<@Nullable Object>, List<@Nullable Object>> cells,
      BlockingQueue<Batch> queue)
      throws IOException, InterruptedException {
    try {
      List<List<@Nullable Object>> batch = new ArrayList<>(BATCH);
      rows.forEach(
          values -> {
            batch.add(cells.apply(values));
            if (batch.size() == BATCH) {
              put(queue, new Batch(List.copyOf(batch), false));
              batch.clear();
            }
          });
      put(queue, new Batch(List.copyOf(batch), false));
    } finally {
      queue.put(new Batch(List.of(), true));
    }
    return null;
  }

  private static void put(BlockingQueue<Batch> queue, Batch batch) throws IOException {
    try {
      queue.put(batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("stopped reading rows");
    }
  }

  /** Stops a reading still going and waits for it: it notices at its next batch. */
  @Override
  public void close() {
    reader.shutdownNow();
    try {
      if (!reader.awaitTermination(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException("rows were still being read a minute after stopping");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Rows read in order; the last batch is empty and says that reading ended. */
  private record Batch(List<List<@Nullable Object>> rows, boolean last) {}

  /** Hands rows to a handler: a snapshot's trials, or those of one category. */
  @FunctionalInterface
  interface Rows {
    void forEach(RowHandler handler) throws IOException;
  }
}
