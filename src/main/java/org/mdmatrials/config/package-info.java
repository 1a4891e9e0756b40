/** The configuration, {@code harvester.yaml}: read and checked, naming the key of a bad value. */
@NullMarked
package org.mdmatrials.config;

import org.jspecify.annotations.NullMarked;
