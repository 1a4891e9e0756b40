/** The snapshot's {@code report.html}: one self-contained page for researchers. */
@NullMarked
package org.mdmatrials.sink.report;

import org.jspecify.annotations.NullMarked;
