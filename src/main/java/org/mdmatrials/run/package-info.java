/**
 * One harvest run, as its stages ({@link org.mdmatrials.run.HarvestRun}): plan, fetch, join, write,
 * publish; with the run lock and the output folder's snapshots.
 */
@NullMarked
package org.mdmatrials.run;

import org.jspecify.annotations.NullMarked;
