package org.mdmatrials.http;

import java.io.IOException;

/** A registry answered with an HTTP status that is not a success. */
public final class HttpStatusException extends IOException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String url;
  private final String detail;

  public HttpStatusException(int status, String url, String detail) {
    super("HTTP " + status + " from " + url + (detail.isBlank() ? "" : ": " + detail));
    this.status = status;
    this.url = url;
    this.detail = detail;
  }

  public int status() {
    return status;
  }

  public String url() {
    return url;
  }

  /** What the request was and the start of the registry's answer, where it explains the error. */
  public String detail() {
    return detail;
  }
}
