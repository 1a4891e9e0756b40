package org.mdmatrials.http;

import java.time.Clock;
import okhttp3.OkHttpClient;

/** Builds the one OkHttpClient every registry is read with. */
public final class HttpClients {
  private HttpClients() {}

  /** The policy every request follows, as configured; the sleeper waits between tries. */
  public static RetryPolicy retryPolicy(HttpSettings http, RetryPolicy.Sleeper sleeper) {
    return new RetryPolicy(
        http.maxTries(), http.backoffBase(), http.backoffMax(), http.retryAfterCap(), sleeper);
  }

  /**
   * The client: the User-Agent on every request; retries outside the rate limit, so that every try
   * waits for its turn; the configured timeouts, the call timeout covering all tries of a request.
   */
  public static OkHttpClient create(HttpSettings http, String userAgent, RetryPolicy retries) {
    OkHttpClient.Builder client =
        new OkHttpClient.Builder()
            .connectTimeout(http.connectTimeout())
            .readTimeout(http.readTimeout())
            .callTimeout(http.callTimeout())
            .retryOnConnectionFailure(false)
            .addInterceptor(new UserAgentInterceptor(userAgent))
            .addInterceptor(new RetryInterceptor(retries, Clock.systemUTC()));
    if (http.rateLimit() > 0) {
      client.addInterceptor(new RateLimitInterceptor(http.rateLimit(), RetryPolicy::threadSleep));
    }
    return client.build();
  }
}
