package org.mdmatrials.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * One response body at a time, read whole into an array that can be kept from response to response:
 * a page of 1000 ClinicalTrials.gov studies is 12 to 17 MB, and a new array for each would be
 * garbage many heap regions large every page. A body of the buffer's limit or more is refused as it
 * is read, so that no response can take more memory than that.
 */
public final class BodyBuffer {
  private final long limit;
  private byte[] bytes = new byte[1 << 16];
  private int length;
  private @Nullable MediaType type;

  /** A buffer refusing bodies of {@code limit} bytes or more. */
  public BodyBuffer(long limit) {
    this.limit = limit;
  }

  /**
   * Reads {@code body} whole, in place of the body before.
   *
   * @throws MalformedResponseException not to be fetched again, as soon as the body reaches the
   *     limit
   * @throws IOException when the body cannot be read to its end (cut short, say)
   */
  void fill(ResponseBody body, String url) throws IOException {
    length = 0;
    type = body.contentType();
    try (InputStream in = body.byteStream()) {
      int read;
      while ((read = in.read(bytes, length, bytes.length - length)) != -1) {
        length += read;
        if (length == bytes.length) {
          if (bytes.length >= limit) {
            throw new MalformedResponseException(url, "a body of " + limit + " bytes or more")
                .unrepeatable();
          }
          bytes = Arrays.copyOf(bytes, (int) Math.min(limit, (long) bytes.length * 2));
        }
      }
    }
  }

  /** The array holding the body; only its first {@link #length} bytes are the body's. */
  public byte[] bytes() {
    return bytes;
  }

  public int length() {
    return length;
  }

  /** The body as characters, in its declared charset (UTF-8 when none is declared). */
  public Reader reader() {
    return new InputStreamReader(new ByteArrayInputStream(bytes, 0, length), charset());
  }

  /**
   * The body as text in its declared charset (UTF-8 when none is declared), refusing bytes that are
   * not of that charset.
   */
  public String text(String url) throws MalformedResponseException {
    Charset charset = charset();
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedResponseException(url, "not valid " + charset + " text", e);
    }
  }

  private Charset charset() {
    MediaType declared = type;
    Charset charset = declared == null ? null : declared.charset(null);
    return charset == null ? StandardCharsets.UTF_8 : charset;
  }
}
