package org.mdmatrials.run;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.stream.Stream;
import org.mdmatrials.core.OutputLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output folder: snapshots are built in a hidden staging folder, renamed into {@code
 * snapshots/} when complete, and {@code latest} is a symbolic link switched to the new one in a
 * single rename, so a reader never sees a half-written snapshot and a crash leaves the last good
 * one in place.
 */
final class SnapshotDirectory {
  private static final Logger log = LoggerFactory.getLogger(SnapshotDirectory.class);

  private final OutputLayout layout;
  private final Path root;
  private final Path snapshots;

  SnapshotDirectory(OutputLayout layout) {
    this.layout = layout;
    this.root = layout.root();
    this.snapshots = layout.snapshots();
  }

  /** Removes what a crashed run left: staging folders and half-made links. */
  void cleanUp() throws IOException {
    Files.createDirectories(snapshots);
    try (DirectoryStream<Path> leftovers =
        Files.newDirectoryStream(snapshots, layout.stagingGlob())) {
      for (Path leftover : leftovers) {
        log.info("Removing {}, left by an unfinished run", leftover);
        delete(leftover);
      }
    }
    try (DirectoryStream<Path> links = Files.newDirectoryStream(root, ".latest-*")) {
      for (Path link : links) {
        Files.deleteIfExists(link);
      }
    }
  }

  /**
   * The second a run starting now starts at, which names its snapshot: the next one when a run
   * published in the current second already.
   */
  Instant freeSecond(Clock clock, DateTimeFormatter runId) throws IOException {
    Instant now = clock.instant();
    Instant second = now.truncatedTo(ChronoUnit.SECONDS);
    if (exists(runId.format(second))) {
      try {
        Thread.sleep(Duration.between(now, second.plusSeconds(1)).toMillis() + 1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the next second");
      }
      second = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
    return second;
  }

  boolean exists(String runId) {
    return Files.exists(layout.snapshot(runId));
  }

  Path createStaging(String runId) throws IOException {
    if (exists(runId)) {
      throw new FileAlreadyExistsException(
          layout.snapshot(runId).toString(), null, "a snapshot of this second exists already");
    }
    return Files.createDirectory(layout.staging(runId));
  }

  /**
   * Makes the staging folder the snapshot {@code runId} and points {@code latest} at it.
   *
   * @param checkpoint told when the folder is moved and latest not yet switched
   */
  Path publish(Path staging, String runId, Checkpoint checkpoint) throws IOException {
    try (Stream<Path> files = Files.list(staging)) {
      for (Path file : files.toList()) {
        force(file);
      }
    }
    Path snapshot = Files.move(staging, layout.snapshot(runId), StandardCopyOption.ATOMIC_MOVE);
    force(snapshots);
    checkpoint.reached(Checkpoint.Moment.SNAPSHOT_MOVED);
    Path link = root.resolve(".latest-" + runId);
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, root.relativize(snapshot));
    Files.move(
        link, layout.latest(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    force(root);
    return snapshot;
  }

  void discard(Path staging) {
    try {
      delete(staging);
    } catch (IOException e) {
      log.warn("Could not remove {}: {}; the next run will", staging, e.toString());
    }
  }

  /** Forces a file (or, where the system allows, a folder) to disk. */
  static void force(Path path) throws IOException {
    // Directories can be opened for reading and forced on Linux and macOS, which is what makes a
    // rename durable; elsewhere this is best effort.
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      if (!Files.isDirectory(path)) {
        throw e;
      }
    }
  }

  private static void delete(Path tree) throws IOException {
    if (!Files.exists(tree)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(tree)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
