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
 * registry whether it has records there, when it was last harvested in full, and its data version;
 * and the version of the schema it was written in.
 */
public record PreviousSnapshot(
    Path database,
    String runId,
    Instant startedAt,
    Map<Registry, Source> sources,
    int schemaVersion) {

  public PreviousSnapshot {
    sources = Map.copyOf(sources);
  }

  /**
   * Whether the snapshot was written in an earlier schema, whose records lack facts this one keeps:
   * carried over, they would miss them until their registry is next harvested in full.
   */
  public boolean olderSchema() {
    return schemaVersion < StagingStore.SCHEMA_VERSION;
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
      int schema;
      try (ResultSet version = st.executeQuery("PRAGMA user_version")) {
        schema = version.next() ? version.getInt(1) : 0;
      }
      return Optional.of(new PreviousSnapshot(database, runId, startedAt, sources, schema));
    } catch (SQLException | IllegalArgumentException e) {
      throw new IOException(
          "Cannot read the previous snapshot " + database + ": " + e.getMessage(), e);
    }
  }
}
