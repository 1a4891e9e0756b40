package org.mdmatrials.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.mdmatrials.core.OutputLayout;

/**
 * One run at a time per output folder: an operating-system lock on {@code <output>/.lock}. The
 * operating system releases it when the process ends, however it ends, so a lock left by a dead run
 * never blocks the next one.
 */
public final class RunLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock, or fails at once when another run holds it.
   *
   * @throws HeldException when another run, in this process or another, holds the lock
   */
  public static RunLock acquire(OutputLayout layout, Instant now) throws IOException {
    Files.createDirectories(layout.root());
    Path file = layout.lock();
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
      channel.close();
      throw new HeldException(file, holder);
    }
    String holder = "pid " + ProcessHandle.current().pid() + ", started " + now;
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
    return new RunLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }

  /** Another run holds the lock. */
  public static final class HeldException extends IOException {
    private static final long serialVersionUID = 1L;

    HeldException(Path file, String holder) {
      super(
          "another run is using this output folder ("
              + (holder.isEmpty() ? "holder unknown" : holder)
              + "; lock "
              + file
              + "); this one did nothing");
    }
  }
}
