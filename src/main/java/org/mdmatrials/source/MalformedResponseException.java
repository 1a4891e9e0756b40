package org.mdmatrials.source;

import java.io.IOException;

/** A registry response that cannot be used as a whole: not the expected format, or incomplete. */
public final class MalformedResponseException extends IOException {
  private static final long serialVersionUID = 1L;

  public MalformedResponseException(String url, String problem) {
    super("Unusable response from " + url + ": " + problem);
  }

  public MalformedResponseException(String url, String problem, Throwable cause) {
    super("Unusable response from " + url + ": " + problem, cause);
  }
}
