package org.mdmatrials.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class BodyBufferTest {
  private static final MediaType JSON = MediaType.get("application/json");

  @Test
  void holdsEachBodyWholeGrowingForALargerOne() throws IOException {
    BodyBuffer buffer = new BodyBuffer(64L << 20);
    byte[] large = bytes(3 * (1 << 20) + 1, 1);
    byte[] small = bytes(10, 2);

    buffer.fill(ResponseBody.create(large, JSON), "http://registry/page");
    assertThat(Arrays.copyOf(buffer.bytes(), buffer.length())).isEqualTo(large);

    buffer.fill(ResponseBody.create(small, JSON), "http://registry/page");
    assertThat(Arrays.copyOf(buffer.bytes(), buffer.length())).isEqualTo(small);
  }

  @Test
  void refusesABodyAtItsLimitForGood() {
    BodyBuffer buffer = new BodyBuffer(2 << 20);

    assertThatThrownBy(
            () -> buffer.fill(ResponseBody.create(bytes(2 << 20, 3), JSON), "http://registry/p"))
        .isInstanceOfSatisfying(
            MalformedResponseException.class, e -> assertThat(e.refetchable()).isFalse())
        .hasMessage("Unusable response from http://registry/p: a body of 2097152 bytes or more");
  }

  @Test
  void decodesTextInItsDeclaredCharsetRefusingBytesOfAnother() throws IOException {
    BodyBuffer buffer = new BodyBuffer(1 << 20);
    byte[] latin1 = "Zürich".getBytes(StandardCharsets.ISO_8859_1);

    buffer.fill(ResponseBody.create(latin1, MediaType.get("text/plain; charset=ISO-8859-1")), "u");
    assertThat(buffer.text("u")).isEqualTo("Zürich");

    buffer.fill(ResponseBody.create(latin1, MediaType.get("text/plain")), "u");
    assertThatThrownBy(() -> buffer.text("u"))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("not valid UTF-8 text");
  }

  private static byte[] bytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
