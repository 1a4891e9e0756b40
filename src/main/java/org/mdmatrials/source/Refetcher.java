package org.mdmatrials.source;

import java.io.IOException;
import okhttp3.HttpUrl;
import org.mdmatrials.http.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches again a response that arrived whole but could not be read (invalid JSON or XML, an HTML
 * page served as success), as often as the retry policy allows; the HTTP client already retries
 * throttling, server errors and broken connections.
 */
public final class Refetcher {
  private static final Logger log = LoggerFactory.getLogger(Refetcher.class);

  private Refetcher() {}

  /** One fetch and read of a response. */
  @FunctionalInterface
  public interface Fetch<T> {
    T get() throws IOException;
  }

  /** The result of {@code fetch}, tried again on {@link MalformedResponseException}. */
  public static <T> T untilReadable(RetryPolicy retries, HttpUrl url, Fetch<T> fetch)
      throws IOException {
    for (int tries = 1; ; tries++) {
      try {
        return fetch.get();
      } catch (MalformedResponseException e) {
        if (!retries.mayRetry(tries)) {
          throw e;
        }
        log.warn("{} (try {} of {}); retrying", e.getMessage(), tries, retries.maxTries());
        retries.pause(url.host(), tries, null);
      }
    }
  }
}
