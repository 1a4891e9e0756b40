package org.mdmatrials.sink.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mdmatrials.core.Indication;
import org.mdmatrials.sink.report.SnapshotFigures.Cell;

/**
 * A table of trial counts, one row per category and one column per value of a field (status,
 * phase), with totals; raw values that read the same (no value, a blank one) share a column.
 */
final class CrossTable {
  private static final Template TABLE =
      Template.of(
          """
          <div class="scroll"><table>
          <caption>{{caption}}</caption>
          <thead><tr><th scope="col">Category</th>{{head}}<th scope="col" class="n">All</th></tr></thead>
          <tbody>
          {{body}}</tbody>
          <tfoot><tr><th scope="row">All MDMA trials</th>{{foot}}</tr></tfoot>
          </table></div>
          """);
  private static final Template HEAD = Template.of("<th scope=\"col\" class=\"n\">{{label}}</th>");
  private static final Template ROW =
      Template.of("<tr><th scope=\"row\">{{label}}</th>{{cells}}</tr>\n");

  private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
  private final Map<String, Long> columnTotals = new LinkedHashMap<>();

  /**
   * @param label reads a raw column value, null included
   */
  CrossTable(List<Cell> cells, Function<String, String> label) {
    for (Indication category : Labels.categories()) {
      counts.put(Labels.category(category), new LinkedHashMap<>());
    }
    for (Cell cell : cells) {
      String column = label.apply(cell.column());
      counts
          .computeIfAbsent(Labels.category(cell.row()), r -> new LinkedHashMap<>())
          .merge(column, cell.count(), Long::sum);
      columnTotals.merge(column, cell.count(), Long::sum);
    }
  }

  /** The columns with the most trials first; "Not given" last. */
  Markup byCount(String caption) {
    return render(
        caption,
        Comparator.comparing((String c) -> c.equals(Labels.NOT_GIVEN))
            .thenComparing(c -> -columnTotals.getOrDefault(c, 0L))
            .thenComparing(Comparator.naturalOrder()));
  }

  /** The columns in alphabetical order (Phase 1, Phase 1/2, Phase 2 …); "Not given" last. */
  Markup byName(String caption) {
    return render(
        caption,
        Comparator.comparing((String c) -> c.equals(Labels.NOT_GIVEN))
            .thenComparing(Comparator.naturalOrder()));
  }

  /**
   * The columns in the order given, labelled; every one shown, with no trials or some. A value not
   * among them comes after them.
   */
  Markup inOrder(String caption, List<String> labels) {
    List<String> columns = new ArrayList<>(labels);
    columnTotals.keySet().stream().filter(c -> !columns.contains(c)).sorted().forEach(columns::add);
    columns.forEach(c -> columnTotals.putIfAbsent(c, 0L));
    return render(caption, columns);
  }

  private Markup render(String caption, Comparator<String> order) {
    List<String> columns = new ArrayList<>(columnTotals.keySet());
    columns.sort(order);
    return render(caption, columns);
  }

  private Markup render(String caption, List<String> columns) {
    List<Markup> head = new ArrayList<>();
    columns.forEach(c -> head.add(HEAD.fill("label", c)));
    List<Markup> rows = new ArrayList<>();
    counts.forEach(
        (category, row) -> {
          List<Long> values = new ArrayList<>();
          columns.forEach(c -> values.add(row.getOrDefault(c, 0L)));
          rows.add(ROW.fill("label", category, "cells", numberCells(values)));
        });
    List<Long> totals = new ArrayList<>();
    columns.forEach(c -> totals.add(columnTotals.get(c)));
    return TABLE.fill(
        "caption",
        caption,
        "head",
        Markup.join(head),
        "body",
        Markup.join(rows),
        "foot",
        numberCells(totals));
  }

  /** The cells of {@code values} followed by their sum. */
  private static Markup numberCells(List<Long> values) {
    List<Markup> cells = new ArrayList<>();
    long sum = 0;
    for (long value : values) {
      cells.add(number(value));
      sum += value;
    }
    cells.add(number(sum));
    return Markup.join(cells);
  }

  static Markup number(long value) {
    return value == 0
        ? new Markup("<td class=\"n zero\">0</td>")
        : new Markup("<td class=\"n\">" + value + "</td>");
  }
}
