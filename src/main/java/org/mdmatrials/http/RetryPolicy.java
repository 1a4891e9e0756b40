package org.mdmatrials.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * How often and how patiently a request is tried again: at most {@code maxTries} tries, waiting
 * between them with exponential backoff and jitter, or as long as the registry's Retry-After asks,
 * up to a cap. It also counts the retries per host, for the run report.
 */
public final class RetryPolicy {
  private final int maxTries;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration retryAfterCap;
  private final Sleeper sleeper;
  private final Map<String, AtomicInteger> retries = new ConcurrentHashMap<>();

  /** Waits; tests pass one that only records. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedIOException;
  }

  public RetryPolicy(
      int maxTries,
      Duration baseDelay,
      Duration maxDelay,
      Duration retryAfterCap,
      Sleeper sleeper) {
    if (maxTries < 1) {
      throw new IllegalArgumentException("maxTries must be at least 1, was " + maxTries);
    }
    this.maxTries = maxTries;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.retryAfterCap = retryAfterCap;
    this.sleeper = sleeper;
  }

  /** Sleeps with {@link Thread#sleep}, turning an interrupt into an InterruptedIOException. */
  public static void threadSleep(Duration duration) throws InterruptedIOException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted =
          new InterruptedIOException("interrupted while waiting to retry");
      interrupted.initCause(e);
      throw interrupted;
    }
  }

  public int maxTries() {
    return maxTries;
  }

  /** Whether a try that failed may be followed by another. */
  public boolean mayRetry(int triesSoFar) {
    return triesSoFar < maxTries;
  }

  /**
   * Waits before try {@code triesSoFar + 1} to {@code host}: as long as {@code retryAfter} asks (at
   * most the cap), or else by exponential backoff with jitter; and counts the retry.
   */
  public void pause(String host, int triesSoFar, @Nullable Duration retryAfter) throws IOException {
    retries.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
    sleeper.sleep(retryAfter != null ? min(retryAfter, retryAfterCap) : backoff(triesSoFar));
  }

  /** Retries so far, by host. */
  public Map<String, Integer> retriesByHost() {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    retries.forEach((host, count) -> counts.put(host, count.get()));
    return counts;
  }

  /** Half the exponential delay plus a random part of the other half ("equal jitter"). */
  Duration backoff(int triesSoFar) {
    long exponential = baseDelay.toMillis() << Math.min(triesSoFar - 1, 20);
    long capped = Math.min(exponential, maxDelay.toMillis());
    long half = capped / 2;
    return Duration.ofMillis(
        half + (half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1)));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
