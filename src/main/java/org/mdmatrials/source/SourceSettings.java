package org.mdmatrials.source;

import java.util.Map;

/**
 * One registry's settings, as read from {@code sources.<key>} and overridden on the command line.
 */
public interface SourceSettings {
  /** Whether runs harvest this registry. */
  boolean enabled();

  /**
   * The same settings reading the registry from elsewhere: another address (a local stand-in's,
   * say) or another file, as its module's {@link RegistryModule#location()} has it, already
   * checked.
   */
  SourceSettings withLocation(String location);

  /**
   * Every setting, defaults included, as {@code validate} prints them: keys relative to {@code
   * sources.<key>} ({@code url}, {@code search.query.term}), in the order to print them.
   */
  Map<String, Object> describe();

  /** The source that harvests the registry with these settings. */
  TrialSource open(SourceContext context);
}
