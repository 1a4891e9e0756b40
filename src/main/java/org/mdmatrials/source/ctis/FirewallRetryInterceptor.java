package org.mdmatrials.source.ctis;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.mdmatrials.http.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a request again when CTIS's firewall refuses it with 403, as it does to bursts of requests
 * that it would let through a moment later. Elsewhere 403 means a refusal for good, so the shared
 * client does not retry it; here it follows the same policy as throttling. The last refusal is
 * handed on, to be reported with its URL.
 */
final class FirewallRetryInterceptor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(FirewallRetryInterceptor.class);
  private static final int FORBIDDEN = 403;

  private final RetryPolicy policy;

  FirewallRetryInterceptor(RetryPolicy policy) {
    this.policy = policy;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    for (int tries = 1; ; tries++) {
      Response response = chain.proceed(request);
      if (response.code() != FORBIDDEN || !policy.mayRetry(tries)) {
        return response;
      }
      response.close();
      log.warn(
          "{} {} answered 403 (try {} of {}); retrying",
          request.method(),
          request.url(),
          tries,
          policy.maxTries());
      policy.pause(request.url().host(), tries, null);
    }
  }
}
