/** The snapshot's workbook, {@code trials.xlsx}, written row by row. */
@NullMarked
package org.mdmatrials.sink.xlsx;

import org.jspecify.annotations.NullMarked;
