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

class NightlySchedulerTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  private final CountDownLatch ran = new CountDownLatch(1);
  private final AtomicInteger runs = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger overlaps = new AtomicInteger();

  private final NightlyScheduler.Harvest harvest =
      new NightlyScheduler.Harvest() {
        @Override
        public int run() {
          if (running.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
          }
          try {
            Thread.sleep(1500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          running.decrementAndGet();
          runs.incrementAndGet();
          ran.countDown();
          return 0;
        }

        @Override
        public void cancel() {}
      };

  @Test
  void firesOnASecondsLevelCronNeverTwiceAtOnceAndStopsCleanly() throws Exception {
    NightlyScheduler scheduler =
        new NightlyScheduler("* * * * * ?", UTC, "test", harvest, Clock.systemUTC());

    scheduler.start(false, Optional.empty());
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(2000);
    scheduler.stop();

    assertThat(scheduler.isShutdown()).isTrue();
    assertThat(overlaps.get()).isZero();
    int afterStop = runs.get();
    Thread.sleep(1500);
    assertThat(runs.get()).isEqualTo(afterStop);
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
