package org.mdmatrials.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mdmatrials.core.OutputLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the output folder from growing for ever: after a run published, only the newest snapshots
 * are kept, never the one {@code latest} names; and only the newest reports of runs that published
 * nothing. The history is never touched, so it keeps every version of every trial. A snapshot is
 * renamed out of sight before it is deleted, so none is ever seen half removed; what a crash left
 * of one is removed by the next pruning. A file that cannot be removed is logged and left.
 */
final class Retention {
  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  /** The name of a run's snapshot folder: its start, as 20261128T023000Z. */
  private static final Pattern RUN_ID = Pattern.compile("\\d{8}T\\d{6}Z");

  private static final String REMOVING = ".removing-";

  private final OutputLayout layout;
  private final int keepSnapshots;
  private final int keepRunReports;

  /**
   * @param keepSnapshots how many snapshots to keep, 0 for all
   * @param keepRunReports how many reports of runs that published nothing to keep, 0 for all
   */
  Retention(OutputLayout layout, int keepSnapshots, int keepRunReports) {
    this.layout = layout;
    this.keepSnapshots = keepSnapshots;
    this.keepRunReports = keepRunReports;
  }

  /** Removes the oldest snapshots beyond the number kept; never the one latest names. */
  void pruneSnapshots() {
    try {
      removeLeftovers();
      if (keepSnapshots == 0) {
        return;
      }
      Optional<String> latest = latest();
      if (latest.isEmpty()) {
        log.warn("Kept every snapshot: {} names none of them", layout.latest());
        return;
      }
      for (Path old : oldest(layout.snapshots(), "", keepSnapshots)) {
        if (!old.getFileName().toString().equals(latest.get())) {
          removeSnapshot(old);
        }
      }
    } catch (IOException e) {
      log.warn("Could not look for old snapshots to remove in {}", layout.snapshots(), e);
    }
  }

  /** Removes the oldest reports of runs that published nothing, beyond the number kept. */
  void pruneRunReports() {
    Path runs = layout.runs();
    if (keepRunReports == 0 || !Files.isDirectory(runs)) {
      return;
    }
    try {
      for (Path old : oldest(runs, ".json", keepRunReports)) {
        Files.deleteIfExists(old);
        log.info("Removed {}, the report of an old run that published nothing", old);
      }
    } catch (IOException e) {
      log.warn("Could not remove old run reports in {}", runs, e);
    }
  }

  /**
   * The entries of {@code folder} named as a run with {@code suffix}, oldest first, all but the
   * newest {@code keep}.
   */
  private static List<Path> oldest(Path folder, String suffix, int keep) throws IOException {
    List<Path> runs = new ArrayList<>();
    try (Stream<Path> entries = Files.list(folder)) {
      entries
          .filter(p -> named(p, suffix))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .forEach(runs::add);
    }
    return runs.subList(0, Math.max(0, runs.size() - keep));
  }

  private static boolean named(Path entry, String suffix) {
    String name = entry.getFileName().toString();
    return name.endsWith(suffix)
        && RUN_ID.matcher(name.substring(0, name.length() - suffix.length())).matches();
  }

  /** The name of the snapshot folder latest links to, if it links to one. */
  private Optional<String> latest() throws IOException {
    Path latest = layout.latest();
    if (!Files.isSymbolicLink(latest) || !Files.isDirectory(latest)) {
      return Optional.empty();
    }
    return Optional.of(latest.toRealPath().getFileName().toString());
  }

  private void removeSnapshot(Path snapshot) {
    Path hidden = snapshot.resolveSibling(REMOVING + snapshot.getFileName());
    try {
      Files.move(snapshot, hidden, StandardCopyOption.ATOMIC_MOVE);
      delete(hidden);
      log.info("Removed the snapshot {}, keeping the newest {}", snapshot, keepSnapshots);
    } catch (IOException e) {
      log.warn("Could not remove the old snapshot {}; the next run tries again", snapshot, e);
    }
  }

  /** Removes what a crash left of snapshots being removed. */
  private void removeLeftovers() throws IOException {
    try (Stream<Path> entries = Files.list(layout.snapshots())) {
      for (Path leftover :
          entries.filter(p -> p.getFileName().toString().startsWith(REMOVING)).toList()) {
        delete(leftover);
      }
    }
  }

  private static void delete(Path tree) throws IOException {
    try (Stream<Path> paths = Files.walk(tree)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
