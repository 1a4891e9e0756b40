package org.mdmatrials;

import java.time.Clock;
import okhttp3.OkHttpClient;
import org.mdmatrials.http.RegistryClient;
import org.mdmatrials.http.RetryPolicy;

/** Registry clients for tests: OkHttp's defaults (no rate limit), with the retry policy given. */
public final class TestHttp {
  private TestHttp() {}

  public static RegistryClient client(RetryPolicy retries) {
    return new RegistryClient(new OkHttpClient(), retries, Clock.systemUTC());
  }
}
