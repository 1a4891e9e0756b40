package org.mdmatrials.http;

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
   * The client: the User-Agent and the rate limit on every request, so that every try of a request
   * waits for its turn; the configured timeouts, the call timeout covering one try with its body.
   * It tries nothing again itself: {@link RegistryClient} does, under the retry policy.
   */
  public static OkHttpClient create(HttpSettings http, String userAgent) {
    OkHttpClient.Builder client =
        new OkHttpClient.Builder()
            .connectTimeout(http.connectTimeout())
            .readTimeout(http.readTimeout())
            .callTimeout(http.callTimeout())
            .retryOnConnectionFailure(false)
            .addInterceptor(new UserAgentInterceptor(userAgent));
    if (http.rateLimit() > 0) {
      client.addInterceptor(new RateLimitInterceptor(http.rateLimit(), RetryPolicy::threadSleep));
    }
    return client.build();
  }
}
