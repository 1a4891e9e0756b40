package org.mdmatrials.cli;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options {@code run} and {@code schedule} share on how much they tell: quiet or verbose. */
final class Verbosity {
  @Option(
      names = {"-q", "--quiet"},
      description =
          "Print nothing of a harvest that published a complete snapshot (exit code 0); otherwise a"
              + " short summary. No progress; logs on standard error show errors only (the log"
              + " folder, if one is configured, still gets every line).")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Log at DEBUG level on standard error, exceptions with their stack traces: every"
              + " request, retry and page.")
  boolean verbose;

  /** Why the options cannot be taken together, or null when they can. */
  @Nullable String contradiction() {
    return quiet && verbose
        ? "mdma-trials: --quiet and --verbose contradict each other; pass one of them."
        : null;
  }

  /**
   * The command's logging: DEBUG when verbose, only errors on the console when quiet.
   *
   * @param folder the log folder, or null for none
   */
  Logging logging(@Nullable Path folder) throws IOException {
    return new Logging(verbose ? Level.DEBUG : null, quiet ? Level.ERROR : null, folder);
  }
}
