package org.mdmatrials.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The scheduler's decisions on fixed clocks, and harvests fired at start. */
class NightlySchedulerTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  private final CountDownLatch ran = new CountDownLatch(1);
  private final AtomicInteger runs = new AtomicInteger();

  private final NightlyScheduler.Harvest harvest =
      new NightlyScheduler.Harvest() {
        @Override
        public int run() {
          runs.incrementAndGet();
          ran.countDown();
          return 0;
        }

        @Override
        public void cancel() {}
      };

  @Test
  void seesANightMissedSinceTheLastHarvestOnAFixedClock() throws Exception {
    Instant now = Instant.parse("2026-11-30T08:00:00Z");
    NightlyScheduler scheduler =
        new NightlyScheduler("0 30 2 * * ?", UTC, "test", harvest, Clock.fixed(now, UTC));

    assertThat(scheduler.missedSince(Optional.empty())).as("nothing published yet").isFalse();
    assertThat(scheduler.missedSince(Optional.of(Instant.parse("2026-11-30T02:30:00Z"))))
        .as("tonight's harvest ran")
        .isFalse();
    assertThat(scheduler.missedSince(Optional.of(Instant.parse("2026-11-29T02:30:00Z"))))
        .as("tonight's fire time passed since last night's harvest")
        .isTrue();
    assertThat(scheduler.missedSince(Optional.of(Instant.parse("2026-11-27T02:30:00Z"))))
        .as("three nights missed still mean one harvest")
        .isTrue();
  }

  @Test
  void readsTheCronInItsTimeZone() throws Exception {
    // 02:30 in Berlin is 01:30 UTC in winter: at 01:45 UTC it has passed.
    NightlyScheduler scheduler =
        new NightlyScheduler(
            "0 30 2 * * ?",
            ZoneId.of("Europe/Berlin"),
            "test",
            harvest,
            Clock.fixed(Instant.parse("2026-11-30T01:45:00Z"), UTC));

    assertThat(scheduler.missedSince(Optional.of(Instant.parse("2026-11-29T02:00:00Z")))).isTrue();
  }

  @Test
  void firesOnceAtStartWhenANightWasMissedWhileTheProcessWasDown() throws Exception {
    Instant now = Instant.now();
    NightlyScheduler scheduler =
        new NightlyScheduler("0 30 2 * * ?", UTC, "test", harvest, Clock.fixed(now, UTC));

    scheduler.start(false, Optional.of(now.minus(Duration.ofDays(3))));

    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    scheduler.stop();
    assertThat(runs.get()).isEqualTo(1);
  }

  @Test
  void firesAtStartWhenAsked() throws Exception {
    NightlyScheduler scheduler =
        new NightlyScheduler("0 30 2 * * ?", UTC, "test", harvest, Clock.systemUTC());

    scheduler.start(true, Optional.of(Instant.now()));

    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    scheduler.stop();
  }

  @Test
  void refusesABadCronExpressionNamingWhereItCameFrom() {
    assertThatThrownBy(
            () ->
                NightlyScheduler.check(
                    "0 30 25 * * ?", "config/harvester.yaml: key 'schedule.cron'"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "config/harvester.yaml: key 'schedule.cron': not a Quartz cron expression");
  }
}
