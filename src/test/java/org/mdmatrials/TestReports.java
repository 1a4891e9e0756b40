package org.mdmatrials;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mdmatrials.core.RunOutcome;
import org.mdmatrials.core.RunReport;

/** Run reports for tests that need one beside the rows they write. */
public final class TestReports {
  private TestReports() {}

  /** A run that published, with nothing to tell of its sources. */
  public static RunReport published(String runId, Instant started) {
    return new RunReport(
        runId,
        started,
        started.plusSeconds(30),
        RunOutcome.PUBLISHED,
        "output/snapshots/" + runId,
        0,
        Map.of(),
        Map.of(),
        List.of(),
        List.of(),
        Map.of(),
        List.of());
  }
}
