/**
 * The one HTTP client every registry is read with: User-Agent, rate limit, timeouts, and the one
 * retry policy, applied by {@link org.mdmatrials.http.RegistryClient}.
 */
@NullMarked
package org.mdmatrials.http;

import org.jspecify.annotations.NullMarked;
