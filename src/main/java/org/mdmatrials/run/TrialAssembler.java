package org.mdmatrials.run;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mdmatrials.classify.Classifier;
import org.mdmatrials.core.Classification;
import org.mdmatrials.core.Indication;
import org.mdmatrials.core.MdmaRole;
import org.mdmatrials.core.Trial;
import org.mdmatrials.join.TrialGroups;
import org.mdmatrials.join.TrialIds;
import org.mdmatrials.join.TrialMerger;
import org.mdmatrials.sink.TrialRow;
import org.mdmatrials.sink.sqlite.SqliteSnapshotWriter;

/**
 * Builds the trial rows from the stored records: each group of records naming one trial becomes one
 * row, merged, classified and written. Records are read once, in order; a group's records are held
 * only until its last one is read.
 */
final class TrialAssembler {
  private final SqliteSnapshotWriter db;
  private final Classifier classifier;
  private final TrialMerger merger;
  private final Instant harvestedAt;
  private final Map<Indication, Integer> studiedByCategory = new EnumMap<>(Indication.class);
  private int trials;

  TrialAssembler(
      SqliteSnapshotWriter db, Classifier classifier, TrialMerger merger, Instant harvestedAt) {
    this.db = db;
    this.classifier = classifier;
    this.merger = merger;
    this.harvestedAt = harvestedAt;
  }

  /** Writes one row per group of {@code groups}. */
  void assemble(TrialGroups groups) throws SQLException, IOException {
    int[] sizes = groups.groupSizes();
    Map<Integer, List<Member>> waiting = new HashMap<>();
    db.forEachRecord(
        (key, trial, status) -> {
          int group = groups.groupOf(key);
          Member member = new Member(key, trial, status);
          if (sizes[group] == 1) {
            write(List.of(member));
            return;
          }
          List<Member> members = waiting.computeIfAbsent(group, g -> new ArrayList<>());
          members.add(member);
          if (members.size() == sizes[group]) {
            waiting.remove(group);
            write(members);
          }
        });
  }

  int trials() {
    return trials;
  }

  Map<Indication, Integer> studiedByCategory() {
    return studiedByCategory;
  }

  private void write(List<Member> members) throws IOException {
    List<Trial> records = members.stream().map(Member::trial).toList();
    Trial trial = merger.merge(records);
    Classification classification = classifier.classify(trial);
    TrialRow row =
        new TrialRow(trial, classification, linkedIds(records), sourceStatus(members), harvestedAt);
    try {
      db.addTrial(row, members.stream().map(Member::key).toList());
    } catch (SQLException e) {
      throw new IOException(
          "Could not write " + trial.trialId() + " to trials.sqlite: " + e.getMessage(), e);
    }
    trials++;
    if (classification.mdmaRole() == MdmaRole.INTERVENTION) {
      studiedByCategory.merge(classification.primaryCategory(), 1, Integer::sum);
    }
  }

  /** Every registry id of the trial, the preferred record's first. */
  private List<String> linkedIds(List<Trial> records) {
    Set<String> ids = new LinkedHashSet<>();
    for (Trial record : merger.preferredFirst(records)) {
      ids.addAll(TrialIds.of(record));
    }
    return List.copyOf(ids);
  }

  /** "fresh" when every record is; otherwise each registry's status. */
  private static String sourceStatus(List<Member> members) {
    if (members.stream().allMatch(m -> SqliteSnapshotWriter.FRESH.equals(m.status()))) {
      return SqliteSnapshotWriter.FRESH;
    }
    return String.join(
        "; ",
        members.stream().map(m -> m.trial().registry() + ": " + m.status()).distinct().toList());
  }

  private record Member(int key, Trial trial, String status) {}
}
