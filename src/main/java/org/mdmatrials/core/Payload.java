package org.mdmatrials.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A record exactly as its registry sent it, held as the UTF-8 bytes it came in: a study is copied
 * from the response into the database without being decoded and encoded again.
 */
public final class Payload {
  private final byte[] bytes;
  private final int from;
  private final int to;

  private Payload(byte[] bytes, int from, int to) {
    this.bytes = bytes;
    this.from = from;
    this.to = to;
  }

  /** The payload of a record the registry sent as text. */
  public static Payload of(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return new Payload(utf8, 0, utf8.length);
  }

  /**
   * The payload at {@code from} (inclusive) to {@code to} (exclusive) of a UTF-8 response body,
   * read in place rather than copied: the body must stay unchanged until the payload is stored.
   */
  public static Payload inBody(byte[] body, int from, int to) {
    return new Payload(body, from, to);
  }

  /** A copy of the UTF-8 bytes. */
  public byte[] utf8() {
    return Arrays.copyOfRange(bytes, from, to);
  }

  /** The payload as text. */
  @Override
  public String toString() {
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }
}
