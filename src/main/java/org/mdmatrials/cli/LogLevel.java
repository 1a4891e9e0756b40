package org.mdmatrials.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/** The root log level, set for one command and put back when it ends. */
final class LogLevel {
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Level before = root.getLevel();

  /** Sets the level; null leaves it as configured ({@code MDMA_TRIALS_LOG_LEVEL} or INFO). */
  LogLevel(@Nullable Level level) {
    if (level != null) {
      root.setLevel(level);
    }
  }

  void restore() {
    root.setLevel(before);
  }
}
