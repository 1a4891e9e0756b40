package org.mdmatrials.sink.report;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The MDMA trials whose primary outcomes changed since the first they are known to have had (as
 * registered, where the registry's record history was read, else as first harvested): the first
 * outcomes beside today's, each trial linked.
 */
final class OutcomeChangesSection {
  private static final Template TABLE =
      Template.of(
          """
          <p>{{count}} MDMA trials have primary outcomes other than the first they are known to \
          have had. The first are as the registry first registered them, where its record \
          history was read, else as first harvested; history.sqlite keeps every version.</p>
          <div class="scroll"><table class="changes">
          <thead><tr><th scope="col">Trial</th><th scope="col">First known</th>\
          <th scope="col">First primary outcomes</th><th scope="col">Now</th></tr></thead>
          <tbody>
          {{rows}}</tbody>
          </table></div>
          {{more}}""");
  private static final Template ROW =
      Template.of(
          "<tr><td class=\"trial\"><span class=\"id\">{{trial}}</span>{{title}}</td>"
              + "<td class=\"time\">{{known}}</td><td class=\"value\">{{first}}</td>"
              + "<td class=\"value\">{{now}}</td></tr>\n");
  private static final Template TITLE = Template.of("<br><span class=\"title\">{{title}}</span>");
  private static final Template MORE =
      Template.of(
          "<p class=\"more\">… and {{more}} more, in the primary_outcome_changes table of"
              + " <a href=\"trials.sqlite\">trials.sqlite</a>.</p>\n");

  /** One trial whose primary outcomes changed. */
  record Line(
      String trialId,
      @Nullable String title,
      @Nullable String url,
      String firstKnown,
      String firstSource,
      @Nullable String first,
      @Nullable String now) {}

  private OutcomeChangesSection() {}

  static Markup render(List<Line> lines, long count) {
    if (count == 0) {
      return new Markup(
          "<p>No MDMA trial has primary outcomes other than the first it is known to have had.</p>\n");
    }
    List<Markup> rows = new ArrayList<>();
    for (Line line : lines) {
      rows.add(
          ROW.fill(
              "trial", Markup.link(line.trialId(), line.url()),
              "title", line.title() == null ? Markup.EMPTY : TITLE.fill("title", line.title()),
              "known", known(line),
              "first", line.first() == null ? "none registered" : line.first(),
              "now", line.now() == null ? "none" : line.now()));
    }
    long more = count - lines.size();
    return TABLE.fill(
        "count",
        count,
        "rows",
        Markup.join(rows),
        "more",
        more > 0 ? MORE.fill("more", more) : Markup.EMPTY);
  }

  private static String known(Line line) {
    return switch (line.firstSource()) {
      case "FIRST_REGISTERED" -> "registered " + line.firstKnown();
      case "FIRST_HARVESTED" -> "harvested " + line.firstKnown();
      default -> line.firstKnown();
    };
  }
}
