package org.mdmatrials.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mdmatrials.core.Change;
import org.mdmatrials.core.Indication;
import org.mdmatrials.core.OutputLayout;
import org.mdmatrials.core.RunOutcome;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.core.SourceOutcome;

/**
 * The few lines a person (or cron's mail) reads after a run: what was published, or that nothing
 * was; each problem on one line; what to do; and where the run's report is. It names only files
 * that exist, and a snapshot only if there is one.
 */
final class RunSummary {
  /** The most problems of one kind listed; run.json lists every one. */
  static final int LISTED = 5;

  private static final String NEXT_RUN =
      "The next run tries again; if this repeats, check the output folder's free space and"
          + " permissions.";

  private final OutputLayout layout;
  private final Modules modules;

  RunSummary(OutputLayout layout, Modules modules) {
    this.layout = layout;
    this.modules = modules;
  }

  /**
   * Prints the summary of a published run on {@code out}, of a failed one on {@code err}.
   *
   * @param firstSnapshot whether no snapshot was published before this run
   */
  void print(RunReport report, boolean firstSnapshot, PrintWriter out, PrintWriter err) {
    if (report.published()) {
      published(report, firstSnapshot, out);
      out.flush();
    } else {
      failed(report, err);
      err.flush();
    }
  }

  private void published(RunReport report, boolean firstSnapshot, PrintWriter out) {
    out.printf(
        "Published %s%s: %s. %s%n",
        report.snapshot(),
        report.outcome() == RunOutcome.PUBLISHED ? "" : " with warnings",
        trials(report),
        firstSnapshot ? "It is the first snapshot: every trial is new." : changes(report));
    if (!report.skipped().isEmpty()) {
      out.printf(
          "%s skipped as unreadable:%n",
          report.skipped().size() == 1
              ? "1 record was"
              : report.skipped().size() + " records were");
      listed(report.skipped().stream().map(r -> "  " + r).toList(), "skipped records", out);
    }
    listed(report.errors().stream().map(e -> "Warning: " + e).toList(), "warnings", out);
    if (report.outcome() == RunOutcome.PUBLISHED) {
      return;
    }
    List<SourceOutcome> failed = report.sources().stream().filter(SourceOutcome::failed).toList();
    out.println(
        (failed.isEmpty() ? "" : askedAgain(failed) + " ")
            + "Details: "
            + Path.of(String.valueOf(report.snapshot())).resolve(OutputLayout.RUN_JSON));
  }

  private void failed(RunReport report, PrintWriter err) {
    err.println("mdma-trials: the harvest failed and nothing was published; " + latest() + ".");
    listed(report.errors().stream().map(e -> "  " + e).toList(), "problems", err);
    boolean noRegistry =
        !report.sources().isEmpty() && report.sources().stream().allMatch(SourceOutcome::failed);
    Path file = layout.failedRunReport(report.runId());
    err.println(
        (noRegistry ? unreachable(report.sources()) : NEXT_RUN)
            + (Files.isRegularFile(file) ? " Details: " + file : ""));
  }

  /** What {@code latest} holds now, in words. */
  private String latest() {
    return latestRunId(layout)
        .map(id -> layout.latest() + " still holds the snapshot of " + day(id) + " (" + id + ")")
        .orElse("there is no snapshot yet (no " + layout.latest() + ")");
  }

  /** The run whose snapshot {@code latest} names, if it names a complete one. */
  static Optional<String> latestRunId(OutputLayout layout) {
    Path latest = layout.latest();
    if (!Files.isSymbolicLink(latest) || !Files.isDirectory(latest)) {
      return Optional.empty();
    }
    try {
      Path target = Files.readSymbolicLink(latest).getFileName();
      return Optional.ofNullable(target).map(Path::toString);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** What to do when no registry could be harvested. */
  private String unreachable(List<SourceOutcome> failed) {
    String keys = keys(failed, ".url", "and");
    return (failed.size() == 1
            ? "Check the network and the registry's address (" + keys + ")"
            : "No registry could be harvested: check the network and their addresses ("
                + keys
                + ")")
        + "; the next run tries again.";
  }

  /** What to do about registries that failed in a run that published. */
  private String askedAgain(List<SourceOutcome> failed) {
    return "The next run asks "
        + names(failed)
        + (failed.size() == 1 ? " again; if it keeps failing" : " again; if one keeps failing")
        + ", check the network and its address, or switch it off with enabled: false under "
        + keys(failed, "", "or")
        + ".";
  }

  private static String trials(RunReport report) {
    int studied = report.studiedByCategory().values().stream().mapToInt(Integer::intValue).sum();
    String byCategory =
        Arrays.stream(Indication.values())
            .map(c -> c + " " + report.studiedByCategory().getOrDefault(c, 0))
            .collect(Collectors.joining(", "));
    return report.trials()
        + " trials, "
        + studied
        + " with MDMA as an intervention ("
        + byCategory
        + ")";
  }

  private static String changes(RunReport report) {
    int changed = report.changes().getOrDefault(Change.Type.CHANGED, 0);
    return String.format(
        "Since the previous snapshot: %d added, %d removed, %d %s.",
        report.changes().getOrDefault(Change.Type.ADDED, 0),
        report.changes().getOrDefault(Change.Type.REMOVED, 0),
        changed,
        changed == 1 ? "change" : "changes");
  }

  /** The first {@link #LISTED} lines, then how many more there are. */
  private static void listed(List<?> lines, String what, PrintWriter out) {
    lines.stream().limit(LISTED).forEach(line -> out.println(line));
    if (lines.size() > LISTED) {
      out.printf("  … and %d more %s, all in run.json%n", lines.size() - LISTED, what);
    }
  }

  private static String names(List<SourceOutcome> outcomes) {
    return joined(outcomes.stream().map(o -> o.registry().displayName()).toList(), "and");
  }

  /** The config keys of the registries, as {@code sources.isrctn<suffix>}, in a list. */
  private String keys(List<SourceOutcome> outcomes, String suffix, String conjunction) {
    return joined(
        outcomes.stream().map(o -> "sources." + modules.key(o.registry()) + suffix).toList(),
        conjunction);
  }

  /** "a", "a and b", "a, b and c". */
  private static String joined(List<String> items, String conjunction) {
    return items.size() == 1
        ? items.get(0)
        : String.join(", ", items.subList(0, items.size() - 1))
            + " "
            + conjunction
            + " "
            + items.get(items.size() - 1);
  }

  /** 2026-12-02 for the run 20261202T023000Z. */
  private static String day(String runId) {
    return runId.length() < 8
        ? runId
        : runId.substring(0, 4) + "-" + runId.substring(4, 6) + "-" + runId.substring(6, 8);
  }
}
