package org.mdmatrials.schedule;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a harvest on a cron schedule with Quartz: never two at once, once (not once per missed
 * night) when the process was down or busy at fire time, and, on stop, interrupts a harvest in
 * progress, which then publishes nothing.
 */
// Quartz's API speaks java.util.Date; it is turned into Instant at the edges.
@SuppressWarnings("JavaUtilDate")
public final class NightlyScheduler {
  private static final Logger log = LoggerFactory.getLogger(NightlyScheduler.class);
  private static final JobKey JOB = JobKey.jobKey("harvest");
  private static final TriggerKey NIGHTLY = TriggerKey.triggerKey("nightly");

  private final CronExpression cron;
  private final Scheduler scheduler;
  private final Clock clock;

  /** A harvest that can be told to stop. */
  public interface Harvest {
    /** Runs one harvest and returns its exit code. */
    int run();

    /** Asks the harvest in progress, if any, to stop without publishing. */
    void cancel();
  }

  /**
   * @param cron a Quartz cron expression, seconds first
   * @param where the key or flag the expression came from, named when it is refused
   * @throws IllegalArgumentException naming {@code where} when the expression is not valid
   */
  public NightlyScheduler(String cron, ZoneId zone, String where, Harvest harvest, Clock clock)
      throws ScheduleException {
    this.cron = parse(cron, zone, where);
    this.clock = clock;
    Properties quartz = new Properties();
    quartz.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "mdma-trials");
    quartz.setProperty("org.quartz.threadPool.threadCount", "1");
    quartz.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    try {
      scheduler = new StdSchedulerFactory(quartz).getScheduler();
      scheduler.setJobFactory((bundle, s) -> new HarvestJob(harvest, s));
    } catch (SchedulerException e) {
      throw new ScheduleException("the scheduler could not be created", e);
    }
  }

  /** Checks a cron expression without scheduling anything. */
  public static void check(String cron, String where) {
    parse(cron, ZoneId.of("UTC"), where);
  }

  /**
   * Starts the schedule.
   *
   * @param now fire once at once, whatever the schedule
   * @param lastRun when the last published harvest started, if there was one: a fire time missed
   *     since then (the process was down) fires once at once
   */
  public void start(boolean now, Optional<Instant> lastRun) throws ScheduleException {
    try {
      schedule(now, lastRun);
    } catch (SchedulerException e) {
      throw new ScheduleException("the scheduler could not start", e);
    }
  }

  private void schedule(boolean now, Optional<Instant> lastRun) throws SchedulerException {
    JobDetail job = JobBuilder.newJob(HarvestJob.class).withIdentity(JOB).storeDurably().build();
    Trigger nightly =
        TriggerBuilder.newTrigger()
            .withIdentity(NIGHTLY)
            .forJob(job)
            .withSchedule(
                CronScheduleBuilder.cronSchedule(cron)
                    .withMisfireHandlingInstructionFireAndProceed())
            .build();
    scheduler.addJob(job, false);
    scheduler.scheduleJob(nightly);
    if (now || missedSince(lastRun)) {
      log.info(
          now
              ? "Harvesting now, as asked"
              : "A scheduled harvest was missed since {}; harvesting now",
          lastRun.orElse(null));
      scheduler.triggerJob(JOB);
    }
    scheduler.start();
    log.info(
        "Scheduled harvests at \"{}\" ({}); next at {}",
        cron.getCronExpression(),
        cron.getTimeZone().getID(),
        nextFireTime(scheduler));
  }

  /**
   * Whether a fire time passed since the last published harvest started, while the process was down
   * or busy: then the schedule harvests once at start. Never, when nothing was published yet.
   */
  boolean missedSince(Optional<Instant> lastRun) {
    if (lastRun.isEmpty()) {
      return false;
    }
    Date next = cron.getNextValidTimeAfter(Date.from(lastRun.get()));
    return next != null && next.toInstant().isBefore(clock.instant());
  }

  /** Stops: interrupts a harvest in progress, waits for it to end, and shuts Quartz down. */
  public void stop() throws ScheduleException {
    try {
      for (JobExecutionContext running : scheduler.getCurrentlyExecutingJobs()) {
        scheduler.interrupt(running.getFireInstanceId());
      }
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      throw new ScheduleException("stopping the scheduler failed", e);
    }
    log.info("Scheduler stopped");
  }

  public boolean isShutdown() throws ScheduleException {
    try {
      return scheduler.isShutdown();
    } catch (SchedulerException e) {
      throw new ScheduleException("the scheduler's state is unknown", e);
    }
  }

  static @Nullable Date nextFireTime(Scheduler scheduler) throws SchedulerException {
    Trigger trigger = scheduler.getTrigger(NIGHTLY);
    return trigger == null ? null : trigger.getNextFireTime();
  }

  private static CronExpression parse(String cron, ZoneId zone, String where) {
    try {
      CronExpression expression = new CronExpression(cron);
      expression.setTimeZone(TimeZone.getTimeZone(zone));
      return expression;
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          where
              + ": not a Quartz cron expression (seconds minutes hours day-of-month month"
              + " day-of-week [year]): \""
              + cron
              + "\": "
              + e.getMessage(),
          e);
    }
  }

  /** The Quartz job: one harvest; never two at once. */
  @DisallowConcurrentExecution
  static final class HarvestJob implements InterruptableJob {
    private final Harvest harvest;
    private final Scheduler scheduler;

    HarvestJob(Harvest harvest, Scheduler scheduler) {
      this.harvest = harvest;
      this.scheduler = scheduler;
    }

    @Override
    public void execute(JobExecutionContext context) {
      int exit = harvest.run();
      try {
        log.info("Harvest ended with exit code {}; next at {}", exit, nextFireTime(scheduler));
      } catch (SchedulerException e) {
        log.warn("Harvest ended with exit code {}; next fire time unknown", exit, e);
      }
    }

    @Override
    public void interrupt() {
      harvest.cancel();
    }
  }
}
