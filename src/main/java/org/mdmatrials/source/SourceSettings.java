package org.mdmatrials.source;

import java.util.Map;

/**
 * One registry's settings, as read from {@code sources.<key>} and overridden on the command line.
 */
public interface SourceSettings {
  /** Whether runs harvest this registry. */
  boolean enabled();

  /** The registry's address: an http or https URL without a trailing slash. */
  String url();

  /** The same settings with another address, such as a local stand-in's. */
  SourceSettings withUrl(String url);

  /**
   * Every setting, defaults included, as {@code validate} prints them: keys relative to {@code
   * sources.<key>} ({@code url}, {@code search.query.term}), in the order to print them.
   */
  Map<String, Object> describe();

  /** The source that harvests the registry with these settings. */
  TrialSource open(SourceContext context);
}
