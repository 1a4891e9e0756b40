package org.mdmatrials.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way every source asks its registry: a GET or a POST whose answer is checked (a success,
 * served as one of the expected media types), read whole into bounded memory and parsed, and all of
 * it tried again, under the one {@link RetryPolicy}, when the registry is throttling or briefly
 * unavailable (429, 502, 503, 504, and any status a source names), when the connection fails or
 * times out, when the body arrives cut short, and when a body that arrived whole cannot be read
 * (registries answer some errors with an HTML page and a 200).
 *
 * <p>A registry that answers with another status is refused at once with an {@link
 * HttpStatusException} quoting the start of its body, where registries explain their errors.
 */
public final class RegistryClient {
  private static final Logger log = LoggerFactory.getLogger(RegistryClient.class);
  private static final Set<Integer> TRANSIENT = Set.of(429, 502, 503, 504);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final int SHOWN_ERROR_BODY = 300;

  /** The largest body a response may have unless its exchange says otherwise. */
  private static final long DEFAULT_LIMIT = 64L * 1024 * 1024;

  private final OkHttpClient http;
  private final RetryPolicy policy;
  private final Clock clock;

  /**
   * @param http the one HTTP client: User-Agent, timeouts and rate limit, no retries of its own
   * @param clock reads Retry-After dates
   */
  public RegistryClient(OkHttpClient http, RetryPolicy policy, Clock clock) {
    this.http = http;
    this.policy = policy;
    this.clock = clock;
  }

  public Exchange get(HttpUrl url) {
    return new Exchange(new Request.Builder().url(url).get());
  }

  /** A POST of a JSON body. */
  public Exchange postJson(HttpUrl url, String json) {
    return new Exchange(new Request.Builder().url(url).post(RequestBody.create(json, JSON)));
  }

  /** Receives a body read whole and turns it into what the source wants of it. */
  @FunctionalInterface
  public interface BodyParser<T> {
    /**
     * What the body holds.
     *
     * @throws MalformedResponseException when the body is not what it should be; the response is
     *     fetched again unless {@link MalformedResponseException#unrepeatable}
     */
    T parse(BodyBuffer body) throws IOException;
  }

  /** One request, what its answer must be, and how it is read. */
  public final class Exchange {
    private final Request.Builder request;
    private List<String> mediaTypes = List.of();
    private final Set<Integer> retried = new HashSet<>(TRANSIENT);
    private @Nullable String what;
    private @Nullable BodyBuffer buffer;

    private Exchange(Request.Builder request) {
      this.request = request;
    }

    /** The media types the answer may be served as, such as {@code application/json}. */
    public Exchange accepting(String... types) {
      mediaTypes = List.of(types);
      return this;
    }

    public Exchange header(String name, String value) {
      request.header(name, value);
      return this;
    }

    /**
     * Tries again on {@code status} too, as on throttling: for a registry whose firewall refuses
     * bursts with a status that elsewhere means a refusal for good.
     */
    public Exchange retryingOn(int status) {
      retried.add(status);
      return this;
    }

    /** Says in a status error which request it was. */
    public Exchange describedAs(String description) {
      what = description;
      return this;
    }

    /** Reads the body into {@code into}, kept from response to response, and within its limit. */
    public Exchange into(BodyBuffer into) {
      buffer = into;
      return this;
    }

    /** The parsed body of the first answer that could be read. */
    public <T> T read(BodyParser<T> parser) throws IOException {
      Request built = request.build();
      BodyBuffer body = buffer != null ? buffer : new BodyBuffer(DEFAULT_LIMIT);
      for (int tries = 1; ; tries++) {
        Retry retry = fetch(built, body, tries);
        if (retry == null) {
          try {
            return parser.parse(body);
          } catch (MalformedResponseException e) {
            if (!e.refetchable() || !policy.mayRetry(tries)) {
              throw e;
            }
            retry = new Retry(FailureText.of(e), null);
          }
        }
        // A retry is no problem yet: the operator hears of the request only if every try fails.
        log.info(
            "{} {}: {} (try {} of {}); trying again",
            built.method(),
            FailureText.url(built.url().toString()),
            retry.problem(),
            tries,
            policy.maxTries());
        policy.pause(built.url().host(), tries, retry.after());
      }
    }

    /** One try: null when the body is in, else why to try again. */
    private @Nullable Retry fetch(Request built, BodyBuffer body, int tries) throws IOException {
      Call call = http.newCall(built);
      String url = built.url().toString();
      try (Response response = call.execute()) {
        if (retried.contains(response.code()) && policy.mayRetry(tries)) {
          Duration after = retryAfter(response.header("Retry-After"));
          return new Retry(
              "answered HTTP "
                  + response.code()
                  + (after == null ? "" : ", asking to wait " + after.toSeconds() + " s"),
              after);
        }
        if (!response.isSuccessful()) {
          String text = errorText(response);
          throw new HttpStatusException(
              response.code(),
              url,
              what == null ? text : what + (text.isEmpty() ? "" : ": " + text));
        }
        checkMediaType(response, url);
        body.fill(response.body(), url);
        return null;
      } catch (HttpStatusException | MalformedResponseException e) {
        if (e instanceof MalformedResponseException malformed
            && malformed.refetchable()
            && policy.mayRetry(tries)) {
          return new Retry(FailureText.of(malformed), null);
        }
        throw e;
      } catch (IOException e) {
        if (call.isCanceled() || !policy.mayRetry(tries)) {
          throw new RequestFailedException(built.method(), url, tries, e);
        }
        return new Retry(FailureText.transport(url, e), null);
      }
    }

    private void checkMediaType(Response response, String url) throws IOException {
      String type = response.header("Content-Type", "");
      MediaType parsed = type == null ? null : MediaType.parse(type);
      String name = parsed == null ? "" : parsed.type() + "/" + parsed.subtype();
      if (mediaTypes.stream().noneMatch(name::equalsIgnoreCase)) {
        throw new MalformedResponseException(
            url,
            "expected Content-Type "
                + String.join(" or ", mediaTypes)
                + " but was \""
                + type
                + "\": "
                + errorText(response));
      }
    }
  }

  /** Why a try failed, and how long the registry asked to wait before the next. */
  private record Retry(@Nullable String problem, @Nullable Duration after) {}

  /** The start of a body, on one line: registries explain their errors there. */
  private static String errorText(Response response) throws IOException {
    String text = response.peekBody(SHOWN_ERROR_BODY * 4L).string().strip().replaceAll("\\s+", " ");
    return text.length() <= SHOWN_ERROR_BODY ? text : text.substring(0, SHOWN_ERROR_BODY) + "…";
  }

  /**
   * Retry-After as delta-seconds or an HTTP date (RFC 9110 section 10.2.3); null if absent or
   * unreadable.
   */
  @Nullable Duration retryAfter(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    if (text.chars().allMatch(Character::isDigit)) {
      // More digits than any wait worth honouring: the policy's cap applies either way.
      return Duration.ofSeconds(text.length() > 12 ? 999_999_999_999L : Long.parseLong(text));
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
