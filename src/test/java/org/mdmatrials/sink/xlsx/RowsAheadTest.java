package org.mdmatrials.sink.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RowsAheadTest {
  @Test
  void handsOnEveryRowMadeIntoCellsOnTheReadingThreadInOrder() throws Exception {
    List<List<Object>> written = new ArrayList<>();
    Set<String> cellThreads = new HashSet<>();
    Function<List<Object>, List<Object>> copy =
        values -> {
          cellThreads.add(Thread.currentThread().getName());
          return new ArrayList<>(values);
        };
    try (RowsAhead ahead = new RowsAhead()) {
      ahead.forEach(
          handler -> {
            // One list refilled for every row, as the database's rows are handed on.
            List<Object> row = Arrays.asList(new Object[3]);
            for (int i = 0; i < 1234; i++) {
              row.set(0, i);
              row.set(2, "row " + i);
              handler.row(row);
            }
          },
          copy,
          written::add);
      // The same reader serves the next sheet.
      ahead.forEach(handler -> handler.row(List.of("next")), copy, written::add);
    }

    assertThat(written).hasSize(1235);
    assertThat(written.get(0)).containsExactly(0, null, "row 0");
    assertThat(written.get(1233)).containsExactly(1233, null, "row 1233");
    assertThat(written.get(1234)).containsExactly("next");
    assertThat(cellThreads).containsExactly("trials.xlsx rows");
  }

  @Test
  void aReadingThatFailsFailsTheWriting() {
    List<List<Object>> written = new ArrayList<>();
    try (RowsAhead ahead = new RowsAhead()) {
      assertThatThrownBy(
              () ->
                  ahead.forEach(
                      handler -> {
                        handler.row(List.of("first"));
                        throw new IOException("database disk image is malformed");
                      },
                      List::copyOf,
                      written::add))
          .isInstanceOf(IOException.class)
          .hasMessage("database disk image is malformed");
    }
  }

  @Test
  void aWritingThatFailsStopsTheReading() throws Exception {
    AtomicInteger read = new AtomicInteger();
    try (RowsAhead ahead = new RowsAhead()) {
      assertThatThrownBy(
              () ->
                  ahead.forEach(
                      handler -> {
                        while (true) {
                          handler.row(List.of(read.incrementAndGet()));
                        }
                      },
                      List::copyOf,
                      cells -> {
                        throw new IOException("disk full");
                      }))
          .isInstanceOf(IOException.class)
          .hasMessage("disk full");
    }
    // Closed, the reader has stopped: at the batch it was filling when the writing failed.
    int stoppedAt = read.get();
    assertThat(stoppedAt).isLessThan(10_000);
    Thread.sleep(100);
    assertThat(read.get()).isEqualTo(stoppedAt);
  }
}
