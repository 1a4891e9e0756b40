package org.mdmatrials.cli;

import java.io.PrintWriter;
import java.util.stream.Collectors;
import org.mdmatrials.core.Change;
import org.mdmatrials.core.Indication;
import org.mdmatrials.core.OutputLayout;
import org.mdmatrials.core.RunReport;

/** The few lines a person (or cron's mail) reads after a run. */
final class RunSummary {
  private RunSummary() {}

  static void print(RunReport report, OutputLayout layout, PrintWriter out, PrintWriter err) {
    if (!report.published()) {
      err.printf(
          "mdma-trials: harvest failed; nothing was published and %s is unchanged. Report: %s%n",
          layout.latest(), layout.failedRunReport(report.runId()));
      report.errors().forEach(e -> err.println("  " + e));
      err.flush();
      return;
    }
    int studied = report.studiedByCategory().values().stream().mapToInt(Integer::intValue).sum();
    String byCategory =
        java.util.Arrays.stream(Indication.values())
            .map(c -> c + " " + report.studiedByCategory().getOrDefault(c, 0))
            .collect(Collectors.joining(", "));
    out.printf(
        "Published %s: %d trials, %d with MDMA as an intervention (%s). Since the previous"
            + " snapshot: %d added, %d removed, %d changes.%n",
        report.snapshot(),
        report.trials(),
        studied,
        byCategory,
        report.changes().getOrDefault(Change.Type.ADDED, 0),
        report.changes().getOrDefault(Change.Type.REMOVED, 0),
        report.changes().getOrDefault(Change.Type.CHANGED, 0));
    if (!report.skipped().isEmpty()) {
      out.printf("%d records were skipped as unreadable:%n", report.skipped().size());
      report.skipped().forEach(s -> out.println("  " + s));
    }
    report.errors().forEach(e -> out.println("Warning: " + e));
    out.flush();
  }
}
