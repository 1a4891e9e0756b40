package org.mdmatrials.sink.report;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.sink.ChangeColumn;
import org.mdmatrials.sink.Snapshot;
import org.mdmatrials.sink.TrialColumn;

/**
 * The report's figures, counted in one reading of a snapshot's changes, trials and records, so that
 * no more than one count per group and the listed changes are ever in memory. Trials that study
 * MDMA are counted under their primary category, so that every trial is counted once.
 */
final class SnapshotFigures {
  private static final String STUDIED = "INTERVENTION";

  private long trials;
  private long studied;
  private long withoutStartYear;
  private final Map<List<@Nullable String>, Long> byStatus = new HashMap<>();
  private final Map<List<@Nullable String>, Long> byPhase = new HashMap<>();
  private final Map<List<Object>, Long> starts = new HashMap<>();
  private final Map<String, long[]> enrolment = new TreeMap<>();
  private final Map<String, Long> changeCounts = new LinkedHashMap<>();
  private final Set<String> changedTrials = new HashSet<>();
  private final List<List<@Nullable String>> listedChanges = new ArrayList<>();
  private final Map<String, String[]> listedTrials = new HashMap<>();
  private final Map<String, Map<String, Long>> recordsByStatus = new TreeMap<>();
  private final Map<String, Set<String>> trialsByRegistry = new TreeMap<>();
  private final Set<String> studiedIds = new HashSet<>();
  private final EvidenceFigures evidence;

  private SnapshotFigures(EvidenceFigures evidence) {
    this.evidence = evidence;
  }

  /** A count of trials in one cell of a table: row, column, trials. */
  record Cell(String row, @Nullable String column, long count) {}

  /** Trials whose start date falls in {@code year}, of one category. */
  record Starts(int year, String category, long trials) {}

  /** Participants of one category's trials: actual enrolment and estimated (planned). */
  record Enrolment(
      @Nullable String category, long trials, long withEnrolment, long actual, long estimated) {}

  /** One registry's records in the snapshot, by source status, and the trials they name. */
  record RegistryCount(
      String registry, Map<String, Long> recordsByStatus, long trials, long studied) {}

  /**
   * One line of changes.csv, with the trial's title and page when the trial is still in the
   * snapshot.
   */
  record ChangeLine(
      String trialId,
      String change,
      @Nullable String field,
      @Nullable String oldValue,
      @Nullable String newValue,
      @Nullable String title,
      @Nullable String url) {}

  /**
   * Counts the snapshot's figures, listing its first {@code listed} changes and its {@code listed}
   * most overdue trials.
   */
  static SnapshotFigures of(Snapshot snapshot, int listed) throws IOException {
    LocalDate day = LocalDate.ofInstant(snapshot.run().startedAt(), ZoneOffset.UTC);
    SnapshotFigures figures = new SnapshotFigures(new EvidenceFigures(day, listed));
    snapshot.forEachChange(cells -> figures.change(cells, listed));
    snapshot.forEachTrial(figures::trial);
    snapshot.forEachOutcomeChange(figures.evidence::outcomeChange);
    snapshot.forEachRecord(figures::record);
    return figures;
  }

  private void change(List<@Nullable Object> cells, int listed) {
    String trialId = text(ChangeColumn.TRIAL_ID.in(cells));
    changeCounts.merge(String.valueOf(ChangeColumn.CHANGE.in(cells)), 1L, Long::sum);
    changedTrials.add(trialId);
    if (listedChanges.size() < listed) {
      List<@Nullable String> line = new ArrayList<>();
      cells.forEach(c -> line.add(c == null ? null : c.toString()));
      listedChanges.add(line);
      listedTrials.put(trialId, new String[2]);
    }
  }

  private void trial(List<@Nullable Object> cells) {
    trials++;
    String id = text(TrialColumn.TRIAL_ID.in(cells));
    String[] listed = listedTrials.get(id);
    if (listed != null) {
      listed[0] = optional(cells, TrialColumn.TITLE);
      listed[1] = optional(cells, TrialColumn.URL);
    }
    if (!STUDIED.equals(TrialColumn.MDMA_ROLE.in(cells))) {
      return;
    }
    studied++;
    studiedIds.add(id);
    String category = text(TrialColumn.PRIMARY_CATEGORY.in(cells));
    evidence.trial(cells, category);
    byStatus.merge(pair(category, optional(cells, TrialColumn.OVERALL_STATUS)), 1L, Long::sum);
    byPhase.merge(pair(category, optional(cells, TrialColumn.PHASES)), 1L, Long::sum);
    String start = optional(cells, TrialColumn.START_DATE);
    if (start != null
        && start.length() >= 4
        && start.substring(0, 4).chars().allMatch(Character::isDigit)) {
      starts.merge(List.of(Integer.parseInt(start.substring(0, 4)), category), 1L, Long::sum);
    } else {
      withoutStartYear++;
    }
    long[] sums = enrolment.computeIfAbsent(category, c -> new long[4]);
    sums[0]++;
    Object count = TrialColumn.ENROLLMENT.in(cells);
    if (count instanceof Number number) {
      sums[1]++;
      boolean actual = "ACTUAL".equals(TrialColumn.ENROLLMENT_TYPE.in(cells));
      sums[actual ? 2 : 3] += number.longValue();
    }
  }

  private void record(String registry, @Nullable String trialId, String sourceStatus) {
    recordsByStatus
        .computeIfAbsent(registry, r -> new TreeMap<>())
        .merge(sourceStatus, 1L, Long::sum);
    if (trialId != null) {
      trialsByRegistry.computeIfAbsent(registry, r -> new HashSet<>()).add(trialId);
    }
  }

  long trials() {
    return trials;
  }

  /** Whether the MDMA trials' evidence is out, and whose primary outcomes changed. */
  EvidenceFigures evidence() {
    return evidence;
  }

  long studiedTrials() {
    return studied;
  }

  List<Cell> studiedByCategoryAndStatus() {
    return cells(byStatus);
  }

  List<Cell> studiedByCategoryAndPhase() {
    return cells(byPhase);
  }

  /**
   * Trials started per year and category; a partial date ({@code 2021}, {@code 2021-05}) counts.
   */
  List<Starts> studiedStartsByYear() {
    return starts.entrySet().stream()
        .map(e -> new Starts((Integer) e.getKey().get(0), (String) e.getKey().get(1), e.getValue()))
        .sorted(Comparator.comparingInt(Starts::year).thenComparing(Starts::category))
        .toList();
  }

  long studiedWithoutStartYear() {
    return withoutStartYear;
  }

  List<Enrolment> studiedEnrolment() {
    return enrolment.entrySet().stream()
        .map(
            e -> {
              long[] s = e.getValue();
              return new Enrolment(e.getKey(), s[0], s[1], s[2], s[3]);
            })
        .toList();
  }

  /** Records and trials per registry, by registry. */
  List<RegistryCount> registries() {
    List<RegistryCount> counts = new ArrayList<>();
    trialsByRegistry.forEach(
        (registry, ids) ->
            counts.add(
                new RegistryCount(
                    registry,
                    recordsByStatus.getOrDefault(registry, Map.of()),
                    ids.size(),
                    ids.stream().filter(studiedIds::contains).count())));
    return counts;
  }

  /** How many changes of each type: ADDED, REMOVED, CHANGED. */
  Map<String, Long> changeCounts() {
    return changeCounts;
  }

  long changedTrials() {
    return changedTrials.size();
  }

  /** The changes listed, in changes.csv's order, with their trials' titles and pages. */
  List<ChangeLine> changes() {
    List<ChangeLine> lines = new ArrayList<>();
    for (List<@Nullable String> c : listedChanges) {
      String trialId = Objects.requireNonNull(c.get(0));
      String[] trial = listedTrials.getOrDefault(trialId, new String[2]);
      lines.add(
          new ChangeLine(
              trialId,
              Objects.requireNonNull(c.get(1)),
              c.get(2),
              c.get(3),
              c.get(4),
              trial[0],
              trial[1]));
    }
    return lines;
  }

  private static List<Cell> cells(Map<List<@Nullable String>, Long> counts) {
    List<Cell> cells = new ArrayList<>();
    counts.forEach(
        (key, count) -> cells.add(new Cell(Objects.requireNonNull(key.get(0)), key.get(1), count)));
    return cells;
  }

  private static List<@Nullable String> pair(String a, @Nullable String b) {
    List<@Nullable String> pair = new ArrayList<>(2);
    pair.add(a);
    pair.add(b);
    return pair;
  }

  private static String text(@Nullable Object cell) {
    return String.valueOf(cell);
  }

  private static @Nullable String optional(List<@Nullable Object> cells, TrialColumn column) {
    Object value = column.in(cells);
    return value == null ? null : value.toString();
  }
}
