package org.mdmatrials.sink.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mdmatrials.core.Indication;
import org.mdmatrials.core.OutputLayout;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.sink.Snapshot;
import org.mdmatrials.sink.SnapshotFile;
import org.mdmatrials.sink.report.SnapshotFigures.Enrolment;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS and SVG, no script, nothing
 * fetched) summarising a snapshot for researchers, readable offline and printable. The figures are
 * counted in one reading of the snapshot's rows; the run's own account comes from its {@link
 * RunReport}. Every registry value is HTML-escaped.
 */
public final class HtmlReportWriter implements SnapshotFile {
  /** Changes, and overdue trials, listed in the report; the rest are in the CSV files. */
  static final int CHANGES_LISTED = 200;

  private static final Template PAGE =
      Template.of(
          """
          <!DOCTYPE html>
          <html lang="en">
          <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
          <title>MDMA-assisted therapy trials: snapshot {{runId}}</title>
          <style>
          {{css}}</style>
          </head>
          <body>
          <header>
          <h1>MDMA-assisted therapy trials</h1>
          <p class="lead">Snapshot {{runId}}, harvested {{started}} from {{registries}}. \
          The registries' searches for MDMA found <strong>{{trials}}</strong> trials; \
          <strong>{{studied}}</strong> of them study MDMA as an intervention, the others only \
          mention it. The tables and the chart count those \
          {{studied}}, each once, under its primary category.</p>
          {{warning}}<nav><a href="#status">Status</a> <a href="#phase">Phase</a> \
          <a href="#starts">Starts per year</a> <a href="#enrolment">Enrolment</a> \
          <a href="#evidence">Evidence</a> <a href="#outcomes">Outcome changes</a> \
          <a href="#changes">Changes</a> <a href="#registries">Registries</a> <a href="#run">Run</a></nav>
          </header>
          <main>
          {{sections}}</main>
          <footer><p>Written by mdma-trials beside the snapshot's \
          <a href="trials.csv">trials.csv</a>, <a href="changes.csv">changes.csv</a>, \
          <a href="trials.sqlite">trials.sqlite</a> and <a href="run.json">run.json</a>.</p></footer>
          </body>
          </html>
          """);
  private static final Template SECTION =
      Template.of("<section id=\"{{id}}\">\n<h2>{{title}}</h2>\n{{body}}</section>\n");
  private static final Template WARNING =
      Template.of(
          "<p class=\"warn\">Published with warnings: {{what}}. See <a href=\"#run\">the run</a>."
              + "</p>\n");
  private static final Template ENROLMENT =
      Template.of(
          """
          <div class="scroll"><table>
          <thead><tr><th scope="col">Category</th><th scope="col" class="n">Trials</th>\
          <th scope="col" class="n">Giving enrolment</th>\
          <th scope="col" class="n">Participants enrolled (actual)</th>\
          <th scope="col" class="n">Participants planned (estimated)</th></tr></thead>
          <tbody>
          {{rows}}</tbody>
          <tfoot>{{total}}</tfoot>
          </table></div>
          <p class="note">Actual enrolment is what a completed or closed trial reports; a trial \
          still recruiting, or a registry that gives only the target, counts as planned.</p>
          """);
  private static final Template ENROLMENT_ROW =
      Template.of(
          "<tr><th scope=\"row\">{{label}}</th><td class=\"n\">{{trials}}</td>"
              + "<td class=\"n\">{{given}}</td><td class=\"n\">{{actual}}</td>"
              + "<td class=\"n\">{{estimated}}</td></tr>\n");

  @Override
  public String name() {
    return OutputLayout.REPORT;
  }

  /** Writes the report of the finished snapshot to {@code target}. */
  @Override
  public void write(Snapshot snapshot, Path target) throws IOException {
    SnapshotFigures figures = SnapshotFigures.of(snapshot, CHANGES_LISTED);
    Files.writeString(
        target,
        page(figures, snapshot.run()).html(),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE_NEW);
  }

  private static Markup page(SnapshotFigures figures, RunReport run) throws IOException {
    long studied = figures.studiedTrials();
    List<Markup> sections = new ArrayList<>();
    sections.add(
        section(
            "status",
            "MDMA trials by category and status",
            new CrossTable(figures.studiedByCategoryAndStatus(), Labels::code)
                .byCount("Overall status as the registry gives it")));
    sections.add(
        section(
            "phase",
            "MDMA trials by category and phase",
            new CrossTable(figures.studiedByCategoryAndPhase(), Labels::phases)
                .byName(
                    "Phases as the registry gives them (Phase 2/3: a combined phase 2 and 3)")));
    sections.add(
        section(
            "starts",
            "MDMA trials started per year",
            new StartsChart(figures.studiedStartsByYear(), figures.studiedWithoutStartYear())
                .render()));
    sections.add(section("enrolment", "Enrolment by category", enrolment(figures)));
    sections.add(
        section(
            "evidence",
            "Is the evidence out?",
            EvidenceSection.render(
                figures.evidence(),
                LocalDate.ofInstant(run.startedAt(), ZoneOffset.UTC).toString())));
    sections.add(
        section(
            "outcomes",
            "MDMA trials whose primary outcomes changed",
            OutcomeChangesSection.render(
                figures.evidence().outcomeChanges(), figures.evidence().outcomeChangeCount())));
    sections.add(
        section(
            "changes",
            "What changed since the previous snapshot",
            ChangesSection.render(figures, CHANGES_LISTED)));
    sections.add(
        section(
            "registries",
            "Registries and the data's timestamps",
            HarvestSections.registries(run, figures.registries())));
    sections.add(section("run", "The run", HarvestSections.run(run)));
    return PAGE.fill(
        "runId", run.runId(),
        "css", css(),
        "started", Labels.time(run.startedAt()),
        "registries",
            run.sources().stream()
                .map(s -> s.registry().displayName())
                .collect(Collectors.joining(", ")),
        "trials", figures.trials(),
        "studied", studied,
        "warning", warning(run),
        "sections", Markup.join(sections));
  }

  private static Markup section(String id, String title, Markup body) {
    return SECTION.fill("id", id, "title", title, "body", body);
  }

  private static Markup warning(RunReport run) {
    if (run.errors().isEmpty() && run.skipped().isEmpty()) {
      return Markup.EMPTY;
    }
    return WARNING.fill(
        "what",
        run.errors().size() + " warnings or errors, " + run.skipped().size() + " records skipped");
  }

  private static Markup enrolment(SnapshotFigures figures) {
    List<Markup> rows = new ArrayList<>();
    long trials = 0;
    long given = 0;
    long actual = 0;
    long estimated = 0;
    Map<String, Enrolment> byCategory = new LinkedHashMap<>();
    for (Indication category : Labels.categories()) {
      byCategory.put(category.name(), new Enrolment(category.name(), 0, 0, 0, 0));
    }
    figures.studiedEnrolment().forEach(e -> byCategory.put(e.category(), e));
    for (Enrolment e : byCategory.values()) {
      rows.add(enrolmentRow(Labels.category(e.category()), e));
      trials += e.trials();
      given += e.withEnrolment();
      actual += e.actual();
      estimated += e.estimated();
    }
    Markup total =
        enrolmentRow("All MDMA trials", new Enrolment(null, trials, given, actual, estimated));
    return ENROLMENT.fill("rows", Markup.join(rows), "total", total);
  }

  private static Markup enrolmentRow(String label, Enrolment e) {
    return ENROLMENT_ROW.fill(
        "label", label,
        "trials", e.trials(),
        "given", e.withEnrolment(),
        "actual", e.actual(),
        "estimated", e.estimated());
  }

  private static Markup css() throws IOException {
    try (InputStream in = HtmlReportWriter.class.getResourceAsStream("report.css")) {
      if (in == null) {
        throw new IOException("missing resource report.css");
      }
      return new Markup(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
