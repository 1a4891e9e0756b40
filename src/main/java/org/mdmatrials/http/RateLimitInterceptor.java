package org.mdmatrials.http;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Spaces requests to each host evenly, at most {@code requestsPerSecond}: registries ask crawlers
 * for about one request a second (ClinicalTrials.gov's robots.txt gives a crawl delay of 1 s).
 */
final class RateLimitInterceptor implements Interceptor {
  private final long intervalNanos;
  private final RetryPolicy.Sleeper sleeper;
  private final Map<String, Long> nextSlot = new HashMap<>();

  RateLimitInterceptor(double requestsPerSecond, RetryPolicy.Sleeper sleeper) {
    if (!(requestsPerSecond > 0)) {
      throw new IllegalArgumentException(
          "requests per second must be above 0, was " + requestsPerSecond);
    }
    this.intervalNanos = (long) (1_000_000_000L / requestsPerSecond);
    this.sleeper = sleeper;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    long wait = reserve(chain.request().url().host(), System.nanoTime());
    if (wait > 0) {
      sleeper.sleep(Duration.ofNanos(wait));
    }
    return chain.proceed(chain.request());
  }

  /** Takes the host's next free slot and returns how long to wait for it. */
  synchronized long reserve(String host, long now) {
    long slot = Math.max(now, nextSlot.getOrDefault(host, now));
    nextSlot.put(host, slot + intervalNanos);
    return slot - now;
  }
}
