package org.mdmatrials.source;

import java.time.Clock;
import okhttp3.OkHttpClient;
import org.mdmatrials.http.RetryPolicy;

/**
 * What every source is opened with: the one HTTP client, the retry policy it follows, and the
 * clock.
 */
public record SourceContext(OkHttpClient client, RetryPolicy retries, Clock clock) {}
