/** The records and enums every stage shares: no I/O, nothing but the JDK. */
@NullMarked
package org.mdmatrials.core;

import org.jspecify.annotations.NullMarked;
