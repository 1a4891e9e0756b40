package org.mdmatrials.sink.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mdmatrials.core.ResultsStatus;
import org.mdmatrials.sink.report.EvidenceFigures.Overdue;

/**
 * Whether the MDMA trials' evidence is out: their results status by category, and the overdue ones,
 * most overdue first, each linked to its registry page.
 */
final class EvidenceSection {
  private static final Template NOTE =
      Template.of(
          """
          <p class="note">Results are due 12 months after the primary completion date (else the \
          completion date), as FDAAA 801 and the EU's rules require; a date given as a month or a \
          year counts from its end. Posted: the registry holds results. Published: it links a \
          results publication (<code>publications</code>). Overdue: neither, and the deadline has \
          passed, or the trial ended giving no date. Pending: the date has passed, the deadline \
          not yet. Not due: the date is ahead. Not applicable: withdrawn. As of {{day}}, the \
          harvest day.</p>
          """);
  private static final Template OVERDUE =
      Template.of(
          """
          <h3>Overdue MDMA trials</h3>
          <div class="scroll"><table class="changes">
          <thead><tr><th scope="col">Trial</th><th scope="col">Category</th>\
          <th scope="col">Status</th><th scope="col">Due from</th>\
          <th scope="col" class="n">Months overdue</th></tr></thead>
          <tbody>
          {{rows}}</tbody>
          </table></div>
          {{more}}""");
  private static final Template ROW =
      Template.of(
          "<tr><td class=\"trial\"><span class=\"id\">{{trial}}</span>{{title}}</td>"
              + "<td>{{category}}</td><td>{{status}}</td><td class=\"time\">{{due}}</td>"
              + "<td class=\"n\">{{months}}</td></tr>\n");
  private static final Template TITLE = Template.of("<br><span class=\"title\">{{title}}</span>");
  private static final Template MORE =
      Template.of(
          "<p class=\"more\">… and {{more}} more: every trial whose <code>results_status</code> is"
              + " OVERDUE is in <a href=\"trials.csv\">trials.csv</a>.</p>\n");

  private EvidenceSection() {}

  static Markup render(EvidenceFigures figures, String day) {
    List<String> columns =
        Stream.of(ResultsStatus.values()).map(s -> Labels.code(s.name())).toList();
    Markup table =
        new CrossTable(figures.byStatus(), Labels::code)
            .inOrder("Results status of the MDMA trials, by primary category", columns);
    return Markup.join(List.of(table, NOTE.fill("day", day), overdue(figures)));
  }

  private static Markup overdue(EvidenceFigures figures) {
    List<Overdue> listed = figures.overdue();
    if (listed.isEmpty()) {
      return new Markup("<h3>Overdue MDMA trials</h3>\n<p>None.</p>\n");
    }
    List<Markup> rows = new ArrayList<>();
    for (Overdue trial : listed) {
      rows.add(
          ROW.fill(
              "trial",
              Markup.link(trial.trialId(), trial.url()),
              "title",
              trial.title() == null ? Markup.EMPTY : TITLE.fill("title", trial.title()),
              "category",
              Labels.category(trial.category()),
              "status",
              Labels.code(trial.overallStatus()),
              "due",
              trial.due() == null ? "no date given" : trial.due(),
              "months",
              trial.months() == null ? "" : trial.months()));
    }
    long more = figures.overdueTrials() - listed.size();
    return OVERDUE.fill(
        "rows", Markup.join(rows), "more", more > 0 ? MORE.fill("more", more) : Markup.EMPTY);
  }
}
