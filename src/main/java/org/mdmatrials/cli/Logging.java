package org.mdmatrials.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The logs of one command, set when it starts and put back when it ends: the root level, how much
 * of it the console shows, and the log folder, whose daily file gets every line with its stack
 * trace whatever the console shows. logback.xml sets the rest: the console on standard error, its
 * stack traces only at DEBUG ({@link StackTraceAtDebug}), Quartz at WARN.
 */
final class Logging implements AutoCloseable {
  /** How many days of log files the log folder keeps. */
  static final int KEEP_DAYS = 30;

  private static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX, UTC} %-5level %logger{0} - %msg%n";

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Level before = root.getLevel();
  private final @Nullable Appender<ILoggingEvent> console = root.getAppender("STDERR");
  private @Nullable RollingFileAppender<ILoggingEvent> file;

  /**
   * @param level the root level, or null to leave it as configured ({@code MDMA_TRIALS_LOG_LEVEL},
   *     or INFO)
   * @param consoleLevel the least a line must be to reach the console, or null for every line
   * @param folder where the daily log files go, or null for none
   * @throws IOException when the folder cannot be written to
   */
  Logging(@Nullable Level level, @Nullable Level consoleLevel, @Nullable Path folder)
      throws IOException {
    if (folder != null) {
      file = fileAppender(folder);
      root.addAppender(file);
    }
    if (level != null) {
      root.setLevel(level);
    }
    if (consoleLevel != null && console != null) {
      ThresholdFilter threshold = new ThresholdFilter();
      threshold.setLevel(consoleLevel.toString());
      threshold.start();
      console.addFilter(threshold);
    }
  }

  /** The file a day's log lines go to in {@code folder}, the oldest removed after 30 days. */
  private RollingFileAppender<ILoggingEvent> fileAppender(Path folder) throws IOException {
    Files.createDirectories(folder);
    if (!Files.isWritable(folder)) {
      throw new AccessDeniedException(folder.toString());
    }
    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(context);
    appender.setName("FILE");
    TimeBasedRollingPolicy<ILoggingEvent> daily = new TimeBasedRollingPolicy<>();
    daily.setContext(context);
    daily.setParent(appender);
    daily.setFileNamePattern(folder.toAbsolutePath() + "/mdma-trials-%d{yyyy-MM-dd, UTC}.log");
    daily.setMaxHistory(KEEP_DAYS);
    // A run from cron lives minutes: it cleans up as it starts, not at a midnight it never sees.
    daily.setCleanHistoryOnStart(true);
    daily.start();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN + "%ex");
    encoder.start();
    appender.setRollingPolicy(daily);
    appender.setEncoder(encoder);
    appender.start();
    if (!appender.isStarted()) {
      throw new IOException(folder + ": a log file cannot be opened there");
    }
    return appender;
  }

  @Override
  public void close() {
    root.setLevel(before);
    if (console != null) {
      console.clearAllFilters();
    }
    RollingFileAppender<ILoggingEvent> opened = file;
    if (opened != null) {
      root.detachAppender(opened);
      opened.stop();
    }
  }
}
