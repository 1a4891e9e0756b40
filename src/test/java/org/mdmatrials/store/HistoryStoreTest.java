package org.mdmatrials.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mdmatrials.TestTrial.trial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.SqlRows;
import org.mdmatrials.TestTrial;
import org.mdmatrials.cli.Modules;
import org.mdmatrials.core.CategoryMatch;
import org.mdmatrials.core.Classification;
import org.mdmatrials.core.Indication;
import org.mdmatrials.core.MdmaRole;

class HistoryStoreTest {
  private static final String RUN = "20261128T020000Z";
  private static final String STARTED = "2026-11-28T02:00:00Z";

  @TempDir Path dir;

  @Test
  void recordsARunOnceAndOnlyOnce() throws Exception {
    HistoryStore history = new HistoryStore(dir.resolve("history.sqlite"));
    Path snapshot = snapshot(dir.resolve("staging"), "NCT00184067", "NCT03934567");

    assertThat(history.record(snapshot, RUN, STARTED)).isTrue();
    assertThat(history.record(snapshot, RUN, STARTED)).isFalse();

    assertThat(versions()).containsExactly("NCT00184067 " + RUN, "NCT03934567 " + RUN);
  }

  @Test
  void commitsWhatWasPreparedBeforeTheSnapshotWasMoved() throws Exception {
    HistoryStore history = new HistoryStore(dir.resolve("history.sqlite"));
    Path staging = dir.resolve(".staging-" + RUN);
    Path snapshot = snapshot(staging, "NCT00184067");

    try (HistoryStore.Recording recording = history.prepare(snapshot, RUN, STARTED)) {
      // Publishing renames the staging folder while the history still has its database open.
      Files.move(staging, dir.resolve(RUN));
      assertThat(recording.commit()).isTrue();
    }

    assertThat(versions()).containsExactly("NCT00184067 " + RUN);
  }

  @Test
  void leavesTheHistoryAsItWasWhenARecordingIsClosedUncommitted() throws Exception {
    HistoryStore history = new HistoryStore(dir.resolve("history.sqlite"));
    history.record(snapshot(dir.resolve("first"), "NCT00184067"), "20261127T020000Z", STARTED);

    try (HistoryStore.Recording recording =
        history.prepare(snapshot(dir.resolve("second"), "NCT03934567"), RUN, STARTED)) {
      assertThat(recording).isNotNull();
    }

    assertThat(versions()).containsExactly("NCT00184067 20261127T020000Z");
    assertThat(history.record(dir.resolve("second/trials.sqlite"), RUN, STARTED)).isTrue();
  }

  /** A finished snapshot database in {@code folder} holding the trials named. */
  private static Path snapshot(Path folder, String... trialIds) throws Exception {
    Files.createDirectories(folder);
    Path file = folder.resolve("trials.sqlite");
    Classification other =
        new Classification(
            MdmaRole.MENTIONED, List.of(new CategoryMatch(Indication.OTHER, List.of())));
    try (StagingStore db = StagingStore.create(file, Modules.SHIPPED.registries())) {
      for (String id : trialIds) {
        db.trials().add(TestTrial.row(trial(id).build(), other, Instant.parse(STARTED)));
      }
      db.finish();
    }
    return file;
  }

  /** "trial_id valid_from_run" of every version in the history, in that order. */
  private List<String> versions() throws Exception {
    return SqlRows.of(
        dir.resolve("history.sqlite"),
        "SELECT trial_id, valid_from_run FROM trial_versions ORDER BY trial_id, valid_from_run");
  }
}
