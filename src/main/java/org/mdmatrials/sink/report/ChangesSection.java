package org.mdmatrials.sink.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.sink.report.SnapshotFigures.ChangeLine;

/** What changed since the previous snapshot: the counts, and the first changes listed. */
final class ChangesSection {
  /** Values longer than this are cut in the list; changes.csv has them whole. */
  private static final int LONGEST_VALUE = 300;

  private static final Template SUMMARY =
      Template.of(
          """
          <p>Since the previous snapshot, among all {{scope}}: <strong>{{added}}</strong> added, \
          <strong>{{removed}}</strong> removed, and <strong>{{changed}}</strong> field changes \
          in {{trials}} trials. Every change is in <a href="changes.csv">changes.csv</a>.</p>
          """);
  private static final Template TABLE =
      Template.of(
          """
          <div class="scroll"><table class="changes">
          <thead><tr><th scope="col">Trial</th><th scope="col">Change</th><th scope="col">Field</th>\
          <th scope="col">Before</th><th scope="col">After</th></tr></thead>
          <tbody>
          {{rows}}</tbody>
          </table></div>
          {{more}}""");
  private static final Template ROW =
      Template.of(
          "<tr><td class=\"trial\"><span class=\"id\">{{trial}}</span>{{title}}</td>"
              + "<td>{{change}}</td><td>{{field}}</td>"
              + "<td class=\"value\">{{before}}</td><td class=\"value\">{{after}}</td></tr>\n");
  private static final Template TITLE = Template.of("<br><span class=\"title\">{{title}}</span>");
  private static final Template MORE =
      Template.of(
          "<p class=\"more\">… and {{more}} more, see <a href=\"changes.csv\">changes.csv</a>.</p>\n");

  private ChangesSection() {}

  static Markup render(SnapshotFigures figures, int limit) {
    Map<String, Long> counts = figures.changeCounts();
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    Markup summary =
        SUMMARY.fill(
            "scope",
            "trials (MDMA studied or only mentioned)",
            "added",
            counts.getOrDefault("ADDED", 0L),
            "removed",
            counts.getOrDefault("REMOVED", 0L),
            "changed",
            counts.getOrDefault("CHANGED", 0L),
            "trials",
            figures.changedTrials());
    if (total == 0) {
      return Markup.join(List.of(summary, new Markup("<p>Nothing changed.</p>\n")));
    }
    List<Markup> rows = new ArrayList<>();
    String previous = null;
    for (ChangeLine line : figures.changes()) {
      // The title once for each trial, on its first line.
      boolean first = !line.trialId().equals(previous);
      previous = line.trialId();
      rows.add(
          ROW.fill(
              "trial",
              Markup.link(line.trialId(), line.url()),
              "title",
              first && line.title() != null ? TITLE.fill("title", line.title()) : Markup.EMPTY,
              "change",
              Labels.code(line.change()),
              "field",
              line.field(),
              "before",
              cut(line.oldValue()),
              "after",
              cut(line.newValue())));
    }
    Markup more = total > limit ? MORE.fill("more", total - limit) : Markup.EMPTY;
    return Markup.join(List.of(summary, TABLE.fill("rows", Markup.join(rows), "more", more)));
  }

  private static @Nullable String cut(@Nullable String value) {
    if (value == null || value.length() <= LONGEST_VALUE) {
      return value;
    }
    // Never between the two halves of a character outside the Basic Multilingual Plane.
    int end =
        Character.isHighSurrogate(value.charAt(LONGEST_VALUE - 1))
            ? LONGEST_VALUE - 1
            : LONGEST_VALUE;
    return value.substring(0, end) + " …";
  }
}
