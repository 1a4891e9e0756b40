package org.mdmatrials.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.sink.RunRows;

/**
 * {@code runs}, {@code run_sources} and {@code run_skipped_records}: the run that wrote the
 * snapshot, in the rows {@link RunRows} maps its report to, as {@code run.json} holds them too.
 */
final class RunTable {
  private RunTable() {}

  /** Records the run; the report's counts are stored as given. */
  static void write(Connection db, RunReport report) throws SQLException {
    insert(db, "runs", List.of(RunRows.run(report)), null);
    insert(db, "run_sources", RunRows.sources(report), report.runId());
    insert(db, "run_skipped_records", RunRows.skipped(report), report.runId());
  }

  /** Inserts the rows, each after {@code runId} when given. */
  private static void insert(
      Connection db, String table, List<Map<String, @Nullable Object>> rows, @Nullable String runId)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    List<String> columns = new ArrayList<>();
    if (runId != null) {
      columns.add("run_id");
    }
    columns.addAll(rows.get(0).keySet());
    try (Sql.Batch batch = new Sql.Batch(db, table, columns)) {
      for (Map<String, @Nullable Object> row : rows) {
        List<@Nullable Object> values = new ArrayList<>();
        if (runId != null) {
          values.add(runId);
        }
        row.values().forEach(v -> values.add(cell(v)));
        batch.add(values.toArray());
      }
      batch.flush();
    }
  }

  /** A value as its cell: counts by name as {@code name=count; …}, texts one a line, null empty. */
  private static @Nullable Object cell(@Nullable Object value) {
    if (value instanceof Map<?, ?> counts) {
      return counts.isEmpty()
          ? null
          : counts.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; "));
    }
    if (value instanceof List<?> texts) {
      return texts.isEmpty()
          ? null
          : texts.stream().map(String::valueOf).collect(Collectors.joining("\n"));
    }
    return value;
  }
}
