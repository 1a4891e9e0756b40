package org.mdmatrials.http;

import java.time.Duration;

/**
 * The HTTP policy shared by every registry: timeouts, retries, and the polite request rate per host
 * (0 for no limit).
 */
public record HttpSettings(
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    int maxTries,
    Duration backoffBase,
    Duration backoffMax,
    Duration retryAfterCap,
    double rateLimit) {

  public HttpSettings withRateLimit(double requestsPerSecond) {
    return new HttpSettings(
        connectTimeout,
        readTimeout,
        callTimeout,
        maxTries,
        backoffBase,
        backoffMax,
        retryAfterCap,
        requestsPerSecond);
  }
}
