package org.mdmatrials.core;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to another thread. */
public final class Tasks {
  private Tasks() {}

  /**
   * What {@code task} came to; its IOException or unchecked exception is thrown here as it was
   * thrown there.
   *
   * @param what what the task does, for the message when the wait is interrupted
   */
  public static <T> T await(Future<T> task, String what) throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + what);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(what + " failed", cause);
    }
  }
}
