package org.mdmatrials.http;

import java.io.IOException;

/**
 * A request that could not be completed on its last try: the registry could not be reached, the
 * connection broke off or timed out, or the harvest was stopped. The cause is the last try's.
 */
public final class RequestFailedException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String url;

  public RequestFailedException(String method, String url, int tries, IOException cause) {
    super(
        method
            + " "
            + url
            + " failed after "
            + tries
            + (tries == 1 ? " try: " : " tries: ")
            + cause,
        cause);
    this.url = url;
  }

  public String url() {
    return url;
  }
}
