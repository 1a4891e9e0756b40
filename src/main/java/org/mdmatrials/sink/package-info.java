/**
 * What a snapshot holds, as its files are written from it: the columns of trials and changes, the
 * run's report as rows, the data dictionary, and the one seam every file is written through ({@link
 * org.mdmatrials.sink.SnapshotFile} over a {@link org.mdmatrials.sink.Snapshot}). Each file's
 * format has its package: csv, xlsx, report.
 */
@NullMarked
package org.mdmatrials.sink;

import org.jspecify.annotations.NullMarked;
