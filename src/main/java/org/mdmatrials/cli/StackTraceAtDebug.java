package org.mdmatrials.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.LoggerFactory;

/**
 * The console's {@code %exAtDebug}: a line's exception, with its class and stack trace, only while
 * the root logger is at DEBUG ({@code --verbose}); otherwise nothing, for a person reads the line's
 * words. The log folder's file always has them.
 */
public final class StackTraceAtDebug extends ThrowableProxyConverter {
  @Override
  public String convert(ILoggingEvent event) {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    return root.isDebugEnabled() ? super.convert(event) : "";
  }
}
