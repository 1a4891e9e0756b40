package org.mdmatrials.source;

/**
 * A registry's setting that cannot be used; the message names the key: {@code key
 * 'sources.<key>.query' is empty}.
 */
public final class BadSettingException extends Exception {
  private static final long serialVersionUID = 1L;

  public BadSettingException(String message) {
    super(message);
  }
}
