package org.mdmatrials.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.OutputLayout;
import org.mdmatrials.store.TrialDossier;
import org.mdmatrials.store.TrialDossier.Field;
import org.mdmatrials.store.TrialDossier.FieldChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code show}: one trial, and why it was sorted as it was. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Show one trial of the latest snapshot: its fields, its categories with the text that"
          + " matched, the registry records it was joined from, and every version of it so far.",
      "Any of its ids finds it: its own, or the id of any registry record it was joined from."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the trial was shown", "1:no such trial, or no snapshot yet", "2:bad usage"})
final class ShowCommand implements Callable<Integer> {
  /** Fields shown in their own sections rather than in the row. */
  private static final Set<String> OWN_SECTION =
      Set.of("categories", "category_evidence", "linked_ids");

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TRIAL_ID", description = "The trial's id, or any id linked to it.")
  String id;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Output folder holding latest/ and history.sqlite (default: ${DEFAULT-VALUE}).",
      defaultValue = "output")
  Path output;

  private final Modules modules;

  ShowCommand(Modules modules) {
    this.modules = modules;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path snapshot = layout().latestDatabase();
    if (!Files.isRegularFile(snapshot)) {
      err.printf(
          "mdma-trials: no snapshot yet: %s does not exist. Run 'mdma-trials run' first, or pass"
              + " --output with the folder that holds latest/.%n",
          snapshot);
      return ExitCode.FAILED;
    }
    Set<String> ids = new LinkedHashSet<>(modules.trialIds().normalise(id));
    ids.add(id.strip());
    Optional<TrialDossier> found;
    try {
      found = TrialDossier.find(snapshot, history(), ids);
    } catch (IOException e) {
      err.println("mdma-trials: " + e.getMessage());
      return ExitCode.FAILED;
    }
    if (found.isEmpty()) {
      err.printf(
          "mdma-trials: no trial %s in %s: it is neither a trial's id nor an id of one of its"
              + " registry records. List the ids with: sqlite3 %s 'SELECT trial_id, linked_ids,"
              + " title FROM trials', or open %s.%n",
          id, snapshot, snapshot, snapshot.resolveSibling(OutputLayout.TRIALS_CSV));
      return ExitCode.FAILED;
    }
    print(found.get(), out);
    out.flush();
    return ExitCode.OK;
  }

  private OutputLayout layout() {
    return new OutputLayout(output);
  }

  private Path history() {
    return layout().history();
  }

  private void print(TrialDossier trial, PrintWriter out) {
    String title = value(trial, "title");
    out.println(trial.trialId() + (title == null ? "" : "  " + title));
    if (!trial.trialId().equalsIgnoreCase(id.strip())) {
      out.println("(found by " + id.strip() + ")");
    }
    out.println();
    out.println("Fields (" + layout().latestDatabase() + ")");
    List<Field> shown =
        trial.fields().stream().filter(f -> !OWN_SECTION.contains(f.name())).toList();
    int width = shown.stream().mapToInt(f -> f.name().length()).max().orElse(0);
    for (Field f : shown) {
      out.printf("  %-" + width + "s  %s%n", f.name(), f.value().replace("\n", "\n    "));
    }
    out.println();
    out.println("Categories (most specific first; the evidence is the text that matched)");
    if (trial.categories().isEmpty()) {
      out.println("  OTHER: no category rule matched");
    }
    trial
        .categories()
        .forEach(
            c ->
                out.printf(
                    "  %s%s: %s%n",
                    c.category(),
                    c.primary() ? " (primary)" : "",
                    c.evidence() == null ? "no evidence recorded" : c.evidence()));
    out.println();
    out.println("Linked ids: " + orNone(value(trial, "linked_ids")));
    out.println();
    out.println("Registry records");
    trial
        .records()
        .forEach(
            r ->
                out.printf(
                    "  %-7s %-20s %s%s%n",
                    r.registry(),
                    r.recordId(),
                    r.sourceStatus(),
                    r.lastUpdatePosted() == null ? "" : ", last updated " + r.lastUpdatePosted()));
    out.println();
    printHistory(trial.versions(), out);
    if (!trial.registered().isEmpty()) {
      out.println();
      out.println("Primary outcomes as the registry versioned them before (its record history)");
      trial
          .registered()
          .forEach(
              r ->
                  out.printf(
                      "  %s version %d, %s: %s%n",
                      r.registry(),
                      r.version(),
                      r.date(),
                      r.primaryOutcomes() == null ? "(none registered)" : r.primaryOutcomes()));
    }
  }

  private void printHistory(List<TrialDossier.Version> versions, PrintWriter out) {
    if (!Files.isRegularFile(history())) {
      out.println("History: none yet (" + history() + " does not exist)");
      return;
    }
    out.println("History (" + history() + "): " + versions.size() + " versions");
    for (int i = 0; i < versions.size(); i++) {
      TrialDossier.Version v = versions.get(i);
      String until =
          v.validToRun() == null
              ? "current"
              : "until " + v.validTo() + " (run " + v.validToRun() + ")";
      out.printf("  from %s (run %s), %s%n", v.validFrom(), v.validFromRun(), until);
      if (i == 0) {
        out.println("    first published");
      }
      for (FieldChange c : v.changes()) {
        out.printf("    %s: %s -> %s%n", c.field(), orNone(c.before()), orNone(c.after()));
      }
    }
  }

  private static @Nullable String value(TrialDossier trial, String name) {
    return trial.fields().stream()
        .filter(f -> f.name().equals(name))
        .map(Field::value)
        .findFirst()
        .orElse(null);
  }

  private static String orNone(@Nullable String value) {
    return value == null ? "(none)" : value;
  }
}
