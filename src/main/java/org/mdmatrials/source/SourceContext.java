package org.mdmatrials.source;

import java.time.Clock;
import org.mdmatrials.http.RegistryClient;

/** What every source is opened with: the one registry client, and the clock. */
public record SourceContext(RegistryClient client, Clock clock) {}
