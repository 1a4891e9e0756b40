/**
 * The snapshot's SQLite database, {@code trials.sqlite}: built during a run as its staging store
 * ({@link org.mdmatrials.store.StagingStore}, over one small SQL helper), read back for the
 * snapshot's files and the next run, and {@code history.sqlite}. JDBC lives here only.
 */
@NullMarked
package org.mdmatrials.store;

import org.jspecify.annotations.NullMarked;
