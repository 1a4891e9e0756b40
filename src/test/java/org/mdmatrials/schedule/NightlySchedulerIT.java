package org.mdmatrials.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The scheduler on the real clock: a seconds-level cron firing, never twice at once. */
class NightlySchedulerIT {
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
}
