package org.mdmatrials.source;

/**
 * A single registry record that cannot be read: what was expected, what was found, and where (a
 * JSON path within the record, such as {@code $.protocolSection.designModule.phases}).
 */
public final class MalformedRecordException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String path;

  public MalformedRecordException(String path, String expected, String found) {
    super("Expected " + expected + " but was " + found + " at " + path);
    this.path = path;
  }

  public String path() {
    return path;
  }

  /** The problem without its location: {@code Expected a date but was "May 2008"}. */
  public String problem() {
    String message = getMessage();
    return message.substring(0, message.length() - (" at " + path).length());
  }
}
