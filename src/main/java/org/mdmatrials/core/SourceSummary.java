package org.mdmatrials.core;

import org.jspecify.annotations.Nullable;

/**
 * What one source's harvest brought: the search that ran, whether it was full or incremental, the
 * registry's data version, and how many records the registry announced, sent, and how many of them
 * were skipped as unreadable.
 */
public record SourceSummary(
    Registry registry,
    String query,
    boolean full,
    @Nullable String sourceVersion,
    int expected,
    int received,
    int skipped,
    int pages) {}
