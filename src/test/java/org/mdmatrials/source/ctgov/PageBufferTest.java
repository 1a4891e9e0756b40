package org.mdmatrials.source.ctgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class PageBufferTest {
  private static final MediaType JSON = MediaType.get("application/json");

  @Test
  void holdsEachPageWholeGrowingForALargerOne() throws IOException {
    PageBuffer buffer = new PageBuffer(64L << 20);
    byte[] large = bytes(3 * (1 << 20) + 1, 1);
    byte[] small = bytes(10, 2);

    buffer.fill(ResponseBody.create(large, JSON));
    assertThat(Arrays.copyOf(buffer.bytes(), buffer.length())).isEqualTo(large);

    buffer.fill(ResponseBody.create(small, JSON));
    assertThat(Arrays.copyOf(buffer.bytes(), buffer.length())).isEqualTo(small);
  }

  @Test
  void refusesAPageAtItsLimit() {
    PageBuffer buffer = new PageBuffer(2 << 20);

    assertThatThrownBy(() -> buffer.fill(ResponseBody.create(bytes(2 << 20, 3), JSON)))
        .isInstanceOf(IOException.class)
        .hasMessage("a page of 2097152 bytes or more");
  }

  private static byte[] bytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
