package org.mdmatrials.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.store.HistoryStore;
import org.mdmatrials.store.PreviousSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history's part in a run: catching it up with a snapshot published without it, writing the
 * run's versions while the snapshot is finished, and committing them once it is published. A
 * failure is logged and the run goes on; the next run catches the history up.
 */
final class History {
  private static final Logger log = LoggerFactory.getLogger(History.class);
  private static final String NOT_UPDATED =
      "The history was not updated; the next run will catch it up";

  private final HistoryStore store;

  History(HistoryStore store) {
    this.store = store;
  }

  /** Records a published snapshot, unless the history holds it already. */
  void catchUp(PreviousSnapshot snapshot) {
    try {
      store.record(snapshot.database(), snapshot.runId(), snapshot.startedAt().toString());
    } catch (IOException e) {
      log.error(NOT_UPDATED, e);
    }
  }

  /** Writes a run's versions, uncommitted; null when that failed. */
  HistoryStore.@Nullable Recording prepare(Path database, String runId, Instant started) {
    try {
      return store.prepare(database, runId, started.toString());
    } catch (IOException e) {
      log.error(NOT_UPDATED, e);
      return null;
    }
  }

  void commit(HistoryStore.Recording versions) {
    try {
      versions.commit();
    } catch (IOException e) {
      log.error(NOT_UPDATED, e);
    }
  }
}
