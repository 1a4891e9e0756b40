package org.mdmatrials.http;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A registry response that cannot be used as a whole: not the expected format, or incomplete. One
 * that arrived whole is fetched again as the retry policy allows, unless fetching it again cannot
 * help ({@link #unrepeatable}): it is too large, or its reading had already handed some of it on,
 * and a second reading would hand the same records on twice.
 */
public final class MalformedResponseException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String url;
  private final String problem;
  private final boolean refetchable;

  public MalformedResponseException(String url, String problem) {
    this(url, problem, null, true);
  }

  public MalformedResponseException(String url, String problem, Throwable cause) {
    this(url, problem, cause, true);
  }

  private MalformedResponseException(
      String url, String problem, @Nullable Throwable cause, boolean refetchable) {
    super("Unusable response from " + url + ": " + problem, cause);
    this.url = url;
    this.problem = problem;
    this.refetchable = refetchable;
  }

  /** The same problem, as one that fetching the response again cannot help. */
  public MalformedResponseException unrepeatable() {
    return new MalformedResponseException(url, problem, this, false);
  }

  /** Whether fetching the response again may help. */
  public boolean refetchable() {
    return refetchable;
  }

  public String url() {
    return url;
  }

  /** What is wrong with the response. */
  public String problem() {
    return problem;
  }
}
