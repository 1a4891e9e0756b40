/** The indication rules and the classifier: pure functions of a trial. */
@NullMarked
package org.mdmatrials.classify;

import org.jspecify.annotations.NullMarked;
