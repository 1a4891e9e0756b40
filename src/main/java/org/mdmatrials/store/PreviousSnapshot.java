package org.mdmatrials.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.Registries;
import org.mdmatrials.core.Registry;

/**
 * What the next run needs to know of the last published snapshot: when it ran, and for each
 * registry whether it has records there, when it was last harvested in full, and its data version.
 */
public record PreviousSnapshot(
    Path database, String runId, Instant startedAt, Map<Registry, Source> sources) {

  public PreviousSnapshot {
    sources = Map.copyOf(sources);
  }

  /** One registry's state in the snapshot. */
  public record Source(
      int records, @Nullable Instant lastFullHarvest, @Nullable String sourceVersion) {}

  /**
   * Reads {@code trials.sqlite} of a published snapshot, if there is one; of its registries, those
   * in {@code known}.
   */
  public static Optional<PreviousSnapshot> read(Path database, Registries known)
      throws IOException {
    if (!Files.isRegularFile(database)) {
      return Optional.empty();
    }
    try (Connection db = Sql.openReadOnly(database);
        Statement st = db.createStatement()) {
      String runId;
      Instant startedAt;
      try (ResultSet run = st.executeQuery("SELECT run_id, started_at FROM runs")) {
        if (!run.next()) {
          throw new IOException(database + " holds no run");
        }
        runId = run.getString(1);
        startedAt = Instant.parse(run.getString(2));
      }
      Map<Registry, Source> sources = new HashMap<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT s.registry, s.last_full_harvest, s.source_version,"
                  + " (SELECT count(*) FROM source_records r WHERE r.registry = s.registry)"
                  + " FROM run_sources s")) {
        while (rs.next()) {
          String lastFull = rs.getString(2);
          Optional<Registry> registry = known.byCode(rs.getString(1));
          if (registry.isPresent()) {
            sources.put(
                registry.get(),
                new Source(
                    rs.getInt(4),
                    lastFull == null ? null : Instant.parse(lastFull),
                    rs.getString(3)));
          }
        }
      }
      return Optional.of(new PreviousSnapshot(database, runId, startedAt, sources));
    } catch (SQLException | IllegalArgumentException e) {
      throw new IOException(
          "Cannot read the previous snapshot " + database + ": " + e.getMessage(), e);
    }
  }
}
