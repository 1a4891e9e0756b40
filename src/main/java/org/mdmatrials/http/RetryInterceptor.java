package org.mdmatrials.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a request again when the registry is throttling or briefly unavailable (429, 502, 503,
 * 504), when the connection fails, and when a successful response's body arrives cut short. The
 * body of a success is read completely here, so that a truncated one is caught while it can still
 * be fetched again.
 */
final class RetryInterceptor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(RetryInterceptor.class);
  private static final Set<Integer> TRANSIENT = Set.of(429, 502, 503, 504);

  private final RetryPolicy policy;
  private final Clock clock;

  RetryInterceptor(RetryPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String host = request.url().host();
    for (int tries = 1; ; tries++) {
      Response response;
      try {
        response = readFully(chain.proceed(request));
      } catch (IOException e) {
        if (chain.call().isCanceled() || !policy.mayRetry(tries)) {
          throw new IOException(
              "GET "
                  + request.url()
                  + " failed after "
                  + tries
                  + (tries == 1 ? " try: " : " tries: ")
                  + e,
              e);
        }
        log.warn(
            "GET {} failed (try {} of {}): {}; retrying",
            request.url(),
            tries,
            policy.maxTries(),
            e.toString());
        policy.pause(host, tries, null);
        continue;
      }
      if (!TRANSIENT.contains(response.code()) || !policy.mayRetry(tries)) {
        return response;
      }
      Duration retryAfter = retryAfter(response.header("Retry-After"));
      response.close();
      log.warn(
          "GET {} answered {} (try {} of {}); retrying{}",
          request.url(),
          response.code(),
          tries,
          policy.maxTries(),
          retryAfter == null ? "" : " after " + retryAfter.toSeconds() + " s as asked");
      policy.pause(host, tries, retryAfter);
    }
  }

  /**
   * A success with its body in memory; anything else as it came. The body is kept in okio's
   * segments, not one array: a page of studies is megabytes.
   */
  private static Response readFully(Response response) throws IOException {
    if (!response.isSuccessful()) {
      return response;
    }
    try (ResponseBody body = response.body()) {
      Buffer bytes = new Buffer();
      body.source().readAll(bytes);
      return response
          .newBuilder()
          .body(ResponseBody.create(bytes, body.contentType(), bytes.size()))
          .build();
    }
  }

  /**
   * Retry-After as delta-seconds or an HTTP date (RFC 9110 section 10.2.3); null if absent or
   * unreadable.
   */
  Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    if (text.chars().allMatch(Character::isDigit)) {
      return Duration.ofSeconds(Long.parseLong(text));
    }
    try {
      Instant when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), when);
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      log.warn("Ignoring a Retry-After header that is neither seconds nor a date: {}", text);
      return null;
    }
  }
}
