package org.mdmatrials.sink.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.SourceOutcome;
import org.mdmatrials.core.SourceStatus;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.sink.report.SnapshotFigures.RegistryCount;

/**
 * Where the data came from and how the run went: each registry's records and data timestamps, and
 * the run's warnings, errors and skipped records.
 */
final class HarvestSections {
  private static final Template REGISTRIES =
      Template.of(
          """
          <h3>Records per registry</h3>
          <div class="scroll"><table>
          <thead><tr><th scope="col">Registry</th><th scope="col" class="n">Records</th>\
          <th scope="col" class="n">Trials it lists</th>\
          <th scope="col" class="n">MDMA trials it lists</th></tr></thead>
          <tbody>
          {{counts}}</tbody>
          </table></div>
          <p class="note">A trial that several registries list is one row of trials.csv, and is \
          counted here under each of them.</p>
          <h3>Harvest and the data's timestamps</h3>
          <div class="scroll"><table>
          <thead><tr><th scope="col">Registry</th><th scope="col">Harvest</th>\
          <th scope="col" class="n">Received</th><th scope="col" class="n">Skipped</th>\
          <th scope="col" class="n">Pages</th><th scope="col">Registry data as of</th>\
          <th scope="col">Harvested at</th><th scope="col">Last full harvest</th></tr></thead>
          <tbody>
          {{harvests}}</tbody>
          </table></div>
          <p class="note">"Registry data as of" is the registry's own data timestamp \
          (<code>source_version</code>) where it gives one; "Harvested at" is when the records \
          were fetched, this run or an earlier one they were kept from.</p>
          """);
  private static final Template COUNT =
      Template.of(
          "<tr><th scope=\"row\">{{name}}</th><td class=\"n\">{{records}}</td>"
              + "<td class=\"n\">{{trials}}</td><td class=\"n\">{{studied}}</td></tr>\n");
  private static final Template HARVEST =
      Template.of(
          "<tr><th scope=\"row\">{{name}}</th><td class=\"{{harvestClass}}\">{{harvest}}</td>"
              + "<td class=\"n\">{{received}}</td><td class=\"n\">{{skipped}}</td>"
              + "<td class=\"n\">{{pages}}</td><td class=\"time\">{{version}}</td>"
              + "<td class=\"time\">{{harvested}}</td><td class=\"time\">{{lastFull}}</td></tr>\n");
  private static final Template RUN =
      Template.of(
          """
          <p>Run {{runId}} started {{started}} and finished {{finished}}: {{outcome}}</p>
          {{problems}}{{skipped}}<p>{{retries}}</p>
          """);
  private static final Template PROBLEMS =
      Template.of("<h3>Warnings and errors</h3>\n<ul class=\"problems\">\n{{items}}</ul>\n");
  private static final Template ITEM = Template.of("<li>{{text}}</li>\n");
  private static final Template SKIPPED =
      Template.of(
          """
          <h3>Records left out as unreadable</h3>
          <div class="scroll"><table>
          <thead><tr><th scope="col">Registry</th><th scope="col">Trial</th>\
          <th scope="col" class="n">Page</th><th scope="col" class="n">Position</th>\
          <th scope="col">Where</th><th scope="col">Problem</th></tr></thead>
          <tbody>
          {{rows}}</tbody>
          </table></div>
          """);
  private static final Template SKIPPED_ROW =
      Template.of(
          "<tr><td>{{registry}}</td><td class=\"id\">{{trial}}</td><td class=\"n\">{{page}}</td>"
              + "<td class=\"n\">{{position}}</td><td><code>{{path}}</code></td>"
              + "<td>{{problem}}</td></tr>\n");

  private HarvestSections() {}

  static Markup registries(RunReport run, List<RegistryCount> counts) {
    Map<String, RegistryCount> byName = new LinkedHashMap<>();
    counts.forEach(c -> byName.put(c.registry(), c));
    List<Markup> countRows = new ArrayList<>();
    List<Markup> harvestRows = new ArrayList<>();
    for (SourceOutcome result : run.sources()) {
      String name = result.registry().displayName();
      RegistryCount count = byName.remove(result.registry().code());
      countRows.add(count(name, count));
      harvestRows.add(harvest(name, result, count, run));
    }
    // Records of a registry this run did not harvest (switched off since) are still counted.
    byName.values().forEach(c -> countRows.add(count(c.registry(), c)));
    return REGISTRIES.fill("counts", Markup.join(countRows), "harvests", Markup.join(harvestRows));
  }

  private static Markup count(String name, @Nullable RegistryCount count) {
    return COUNT.fill(
        "name", name,
        "records",
            count == null
                ? 0
                : count.recordsByStatus().values().stream().mapToLong(Long::longValue).sum(),
        "trials", count == null ? 0 : count.trials(),
        "studied", count == null ? 0 : count.studied());
  }

  private static Markup harvest(
      String name, SourceOutcome result, @Nullable RegistryCount count, RunReport run) {
    SourceSummary summary = result.summary();
    return HARVEST.fill(
        "name", name,
        "harvestClass", result.failed() ? "warn" : "",
        "harvest", harvest(result),
        "received", summary == null ? null : summary.received() + " of " + summary.expected(),
        "skipped", summary == null ? null : summary.skipped(),
        "pages", summary == null ? null : summary.pages(),
        "version",
            summary == null || summary.sourceVersion() == null
                ? Labels.NOT_GIVEN
                : summary.sourceVersion(),
        "harvested", harvested(count, run),
        "lastFull", Labels.time(result.lastFullHarvest()));
  }

  private static String harvest(SourceOutcome result) {
    if (result instanceof SourceOutcome.Harvested harvested) {
      return (harvested.summary().full() ? "full" : "incremental") + carried(result.carriedOver());
    }
    return "failed: " + result.error() + carried(result.carriedOver());
  }

  private static String carried(int records) {
    return records == 0 ? "" : "; " + records + " records kept from the previous snapshot";
  }

  /** When each record's data was fetched: this run, or the earlier run it was carried from. */
  private static Markup harvested(@Nullable RegistryCount count, RunReport run) {
    if (count == null) {
      return Markup.EMPTY;
    }
    List<Markup> lines = new ArrayList<>();
    count
        .recordsByStatus()
        .forEach(
            (status, records) -> {
              String when =
                  SourceStatus.FRESH.text().equals(status) ? Labels.time(run.startedAt()) : status;
              lines.add(ITEM.fill("text", when + " (" + records + ")"));
            });
    return Markup.join(
        List.of(new Markup("<ul class=\"plain\">"), Markup.join(lines), new Markup("</ul>")));
  }

  static Markup run(RunReport run) {
    List<Markup> problems = new ArrayList<>();
    run.errors().forEach(e -> problems.add(ITEM.fill("text", e)));
    List<Markup> skipped = new ArrayList<>();
    for (SkippedRecord r : run.skipped()) {
      skipped.add(
          SKIPPED_ROW.fill(
              "registry", r.registry().displayName(),
              "trial", r.trialId() == null ? "(no id)" : r.trialId(),
              "page", r.page(),
              "position", r.position(),
              "path", r.path(),
              "problem", r.problem()));
    }
    return RUN.fill(
        "runId", run.runId(),
        "started", Labels.time(run.startedAt()),
        "finished", Labels.time(run.finishedAt()),
        "outcome", outcome(run),
        "problems",
            problems.isEmpty() ? Markup.EMPTY : PROBLEMS.fill("items", Markup.join(problems)),
        "skipped", skipped.isEmpty() ? Markup.EMPTY : SKIPPED.fill("rows", Markup.join(skipped)),
        "retries",
            run.retriesByHost().isEmpty()
                ? "No request had to be tried again."
                : "Requests tried again, by host: "
                    + run.retriesByHost().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "))
                    + ".");
  }

  private static String outcome(RunReport run) {
    if (run.errors().isEmpty() && run.skipped().isEmpty()) {
      return "published, with no warnings, no errors and no skipped records.";
    }
    return "published with warnings: "
        + run.errors().size()
        + " warnings or errors, "
        + run.skipped().size()
        + " records skipped.";
  }
}
