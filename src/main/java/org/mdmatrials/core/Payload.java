package org.mdmatrials.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A record exactly as its registry sent it, held as the UTF-8 bytes it came in: a study is copied
 * from the response into the database without being decoded and encoded again.
 */
public final class Payload {
  private final byte[] utf8;

  private Payload(byte[] utf8) {
    this.utf8 = utf8;
  }

  /** The payload of a record the registry sent as text. */
  public static Payload of(String text) {
    return new Payload(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The payload at {@code from} (inclusive) to {@code to} (exclusive) of a UTF-8 response body. */
  public static Payload utf8(byte[] body, int from, int to) {
    return new Payload(Arrays.copyOfRange(body, from, to));
  }

  /** The UTF-8 bytes; the array is the payload's own and must not be changed. */
  public byte[] utf8() {
    return utf8;
  }

  /** The payload as text. */
  @Override
  public String toString() {
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
