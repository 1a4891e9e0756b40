package org.mdmatrials.core;

import java.nio.file.Path;

/**
 * Where everything goes under the output folder, and what each file of a snapshot is called:
 *
 * <pre>
 * output/
 *   latest -> snapshots/20261128T023000Z   the newest complete snapshot
 *   snapshots/20261128T023000Z/            one folder per published run
 *   snapshots/.staging-20261129T023000Z/   a run's snapshot while it is being written
 *   runs/20261129T023000Z.json             the report of a run that published nothing
 *   history.sqlite                         every version of every trial
 *   .lock                                  held by the run in progress
 * </pre>
 */
public record OutputLayout(Path root) {
  public static final String DATABASE = "trials.sqlite";
  public static final String TRIALS_CSV = "trials.csv";
  public static final String CHANGES_CSV = "changes.csv";
  public static final String WORKBOOK = "trials.xlsx";
  public static final String DICTIONARY = "data_dictionary.csv";
  public static final String COLUMN_SOURCES = "column_sources.csv";
  public static final String REPORT = "report.html";
  public static final String RUN_JSON = "run.json";

  private static final String STAGING_PREFIX = ".staging-";

  public Path latest() {
    return root.resolve("latest");
  }

  /** The database of the newest complete snapshot, if there is one. */
  public Path latestDatabase() {
    return latest().resolve(DATABASE);
  }

  public Path snapshots() {
    return root.resolve("snapshots");
  }

  public Path snapshot(String runId) {
    return snapshots().resolve(runId);
  }

  /** The folder a run writes its snapshot in, hidden until it is complete. */
  public Path staging(String runId) {
    return snapshots().resolve(STAGING_PREFIX + runId);
  }

  /** The glob of the staging folders, which a run that died leaves behind. */
  public String stagingGlob() {
    return STAGING_PREFIX + "*";
  }

  /** The reports of runs that published nothing. */
  public Path runs() {
    return root.resolve("runs");
  }

  /** Where the report of a run that published nothing goes. */
  public Path failedRunReport(String runId) {
    return runs().resolve(runId + ".json");
  }

  public Path history() {
    return root.resolve("history.sqlite");
  }

  public Path lock() {
    return root.resolve(".lock");
  }
}
