/** Recognising the records registries hold of one trial, and making one trial of them. */
@NullMarked
package org.mdmatrials.join;

import org.jspecify.annotations.NullMarked;
