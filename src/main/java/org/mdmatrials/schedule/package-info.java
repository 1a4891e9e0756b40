/** The nightly scheduler of the {@code schedule} command: Quartz stays in here. */
@NullMarked
package org.mdmatrials.schedule;

import org.jspecify.annotations.NullMarked;
