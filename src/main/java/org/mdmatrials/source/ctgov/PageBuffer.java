package org.mdmatrials.source.ctgov;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import okhttp3.ResponseBody;

/**
 * The body of one page at a time, in an array kept from page to page. A page of 1000 studies is 12
 * to 17 MB: a new array for each would be garbage many heap regions large every page. Filled by the
 * one thread that fetches pages; the page's studies are read from it in place until stored.
 */
final class PageBuffer {
  private final long limit;
  private byte[] bytes = new byte[1 << 20];
  private int length;

  /** A buffer refusing pages of {@code limit} bytes or more. */
  PageBuffer(long limit) {
    this.limit = limit;
  }

  /** Reads {@code body} whole, in place of the page before. */
  void fill(ResponseBody body) throws IOException {
    length = 0;
    try (InputStream in = body.byteStream()) {
      int read;
      while ((read = in.read(bytes, length, bytes.length - length)) != -1) {
        length += read;
        if (length == bytes.length) {
          if (bytes.length >= limit) {
            throw new IOException("a page of " + limit + " bytes or more");
          }
          bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
      }
    }
  }

  /** The array holding the page; only its first {@link #length} bytes are the page's. */
  byte[] bytes() {
    return bytes;
  }

  int length() {
    return length;
  }
}
