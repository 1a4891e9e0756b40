package org.mdmatrials.source;

import java.time.Clock;
import org.mdmatrials.core.Registries;
import org.mdmatrials.http.RegistryClient;

/**
 * What every source is opened with: the one registry client, the clock, and the registries this
 * build knows, for a source whose records are of other registries than its own.
 */
public record SourceContext(RegistryClient client, Clock clock, Registries registries) {}
