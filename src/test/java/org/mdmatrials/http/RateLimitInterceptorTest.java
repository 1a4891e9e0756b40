package org.mdmatrials.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimitInterceptorTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void spacesRequestsToOneHostEvenly() {
    RateLimitInterceptor limit = new RateLimitInterceptor(2, d -> {});

    assertThat(limit.reserve("clinicaltrials.gov", 0)).isZero();
    assertThat(limit.reserve("clinicaltrials.gov", 0)).isEqualTo(SECOND / 2);
    assertThat(limit.reserve("clinicaltrials.gov", 0)).isEqualTo(SECOND);
  }

  @Test
  void letsARequestGoAtOnceWhenItsSlotHasPassed() {
    RateLimitInterceptor limit = new RateLimitInterceptor(1, d -> {});

    limit.reserve("clinicaltrials.gov", 0);

    assertThat(limit.reserve("clinicaltrials.gov", 5 * SECOND)).isZero();
  }

  @Test
  void limitsEachHostApart() {
    RateLimitInterceptor limit = new RateLimitInterceptor(1, d -> {});

    limit.reserve("clinicaltrials.gov", 0);

    assertThat(limit.reserve("www.isrctn.com", 0)).isZero();
  }

  @Test
  void refusesARateThatIsNotPositive() {
    assertThatThrownBy(() -> new RateLimitInterceptor(0, d -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
