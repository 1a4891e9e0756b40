package org.mdmatrials.sink.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mdmatrials.core.Indication;
import org.mdmatrials.sink.report.SnapshotFigures.Starts;

/**
 * The trials started each year as an inline SVG of stacked bars, one colour per category, with both
 * axes labelled and a legend: drawn here, so the report needs no script and no library.
 */
final class StartsChart {
  private static final double LEFT = 56;
  private static final double RIGHT = 16;
  private static final double TOP = 20;
  private static final double PLOT_HEIGHT = 240;
  private static final double BOTTOM = 52;
  private static final double MIN_BAND = 36;
  private static final double MIN_PLOT_WIDTH = 360;

  private static final Template FIGURE =
      Template.of(
          """
          <figure class="chart">
          <svg xmlns="http://www.w3.org/2000/svg" class="starts" role="img" \
          aria-labelledby="starts-title" width="{{width}}" height="{{height}}" \
          viewBox="0 0 {{width}} {{height}}">
          <title id="starts-title">{{title}}</title>
          {{grid}}{{bars}}{{axes}}</svg>
          <figcaption><ul class="legend">{{legend}}</ul>{{note}}</figcaption>
          </figure>
          """);
  private static final Template BAR =
      Template.of(
          "<rect class=\"bar\" x=\"{{x}}\" y=\"{{y}}\" width=\"{{w}}\" height=\"{{h}}\""
              + " fill=\"{{colour}}\"><title>{{tip}}</title></rect>\n");
  private static final Template TEXT =
      Template.of("<text x=\"{{x}}\" y=\"{{y}}\" class=\"{{kind}}\">{{text}}</text>\n");
  private static final Template LINE =
      Template.of(
          "<line x1=\"{{xa}}\" y1=\"{{ya}}\" x2=\"{{xb}}\" y2=\"{{yb}}\" class=\"{{kind}}\"/>\n");
  private static final Template SWATCH =
      Template.of(
          "<li><svg class=\"swatch\" width=\"12\" height=\"12\" aria-hidden=\"true\">"
              + "<rect width=\"12\" height=\"12\" fill=\"{{colour}}\"/></svg> {{label}}</li>");

  private final TreeMap<Integer, Map<Indication, Long>> years = new TreeMap<>();
  private final long withoutYear;

  StartsChart(List<Starts> starts, long withoutYear) {
    for (Starts s : starts) {
      Indication category = category(s.category());
      years
          .computeIfAbsent(s.year(), y -> new EnumMap<>(Indication.class))
          .merge(category, s.trials(), Long::sum);
    }
    this.withoutYear = withoutYear;
  }

  Markup render() {
    if (years.isEmpty()) {
      return new Markup("<p>No MDMA trial in this snapshot gives a start date.</p>\n");
    }
    int first = years.firstKey();
    int count = years.lastKey() - first + 1;
    double band = Math.max(MIN_BAND, MIN_PLOT_WIDTH / count);
    double plotWidth = band * count;
    long top = top(maxTotal());
    return FIGURE.fill(
        "width",
        format(LEFT + plotWidth + RIGHT),
        "height",
        format(TOP + PLOT_HEIGHT + BOTTOM),
        "title",
        "MDMA trials started per year, stacked by primary category",
        "grid",
        grid(top, plotWidth),
        "bars",
        bars(first, band, top),
        "axes",
        axes(first, count, band, plotWidth),
        "legend",
        legend(),
        "note",
        withoutYear == 0
            ? Markup.EMPTY
            : new Markup(
                "<p>"
                    + withoutYear
                    + (withoutYear == 1 ? " trial gives" : " trials give")
                    + " no start date and "
                    + (withoutYear == 1 ? "is" : "are")
                    + " not shown.</p>"));
  }

  private Markup bars(int first, double band, long top) {
    double width = Math.min(band * 0.7, 48);
    List<Markup> bars = new ArrayList<>();
    years.forEach(
        (year, byCategory) -> {
          double x = LEFT + (year - first) * band + (band - width) / 2;
          double base = TOP + PLOT_HEIGHT;
          long total = 0;
          for (Indication category : Labels.categories()) {
            long trials = byCategory.getOrDefault(category, 0L);
            if (trials == 0) {
              continue;
            }
            double height = PLOT_HEIGHT * trials / top;
            base -= height;
            total += trials;
            String tip = year + ", " + Labels.category(category) + ": " + trials + trials(trials);
            bars.add(bar(x, base, width, height, category, tip));
          }
          bars.add(text(x + width / 2, base - 4, "total", total));
        });
    return Markup.join(bars);
  }

  private static Markup grid(long top, double plotWidth) {
    long step = step(top);
    List<Markup> lines = new ArrayList<>();
    for (long value = 0; value <= top; value += step) {
      double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * value / top;
      lines.add(line(LEFT, y, LEFT + plotWidth, y, value == 0 ? "axis" : "grid"));
      lines.add(text(LEFT - 6, y + 4, "tick y", value));
    }
    return Markup.join(lines);
  }

  private static Markup axes(int first, int count, double band, double plotWidth) {
    List<Markup> parts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int year = first + i;
      // Past 30 years a label for each would crowd; every fifth year is labelled then.
      if (count <= 30 || year % 5 == 0) {
        parts.add(text(LEFT + i * band + band / 2, TOP + PLOT_HEIGHT + 16, "tick x", year));
      }
    }
    parts.add(
        text(
            LEFT + plotWidth / 2,
            TOP + PLOT_HEIGHT + 42,
            "label x",
            "Year the trial started (its start date; a year alone counts)"));
    double middle = TOP + PLOT_HEIGHT / 2;
    parts.add(
        new Markup(
            "<text class=\"label y\" transform=\"translate(16 "
                + format(middle)
                + ") rotate(-90)\">Trials started</text>\n"));
    return Markup.join(parts);
  }

  private static Markup bar(
      double x, double y, double width, double height, Indication category, String tip) {
    return BAR.fill(
        "x",
        format(x),
        "y",
        format(y),
        "w",
        format(width),
        "h",
        format(height),
        "colour",
        Labels.colour(category),
        "tip",
        tip);
  }

  /** A label: a tick, an axis title or a bar's total. */
  private static Markup text(double x, double y, String kind, Object text) {
    return TEXT.fill("x", format(x), "y", format(y), "kind", kind, "text", text);
  }

  private static Markup line(double xa, double ya, double xb, double yb, String kind) {
    return LINE.fill(
        "xa", format(xa), "ya", format(ya), "xb", format(xb), "yb", format(yb), "kind", kind);
  }

  private static Markup legend() {
    List<Markup> items = new ArrayList<>();
    for (Indication category : Labels.categories()) {
      items.add(SWATCH.fill("colour", Labels.colour(category), "label", Labels.category(category)));
    }
    return Markup.join(items);
  }

  private long maxTotal() {
    return years.values().stream()
        .mapToLong(m -> m.values().stream().mapToLong(Long::longValue).sum())
        .max()
        .orElse(1);
  }

  /** The top of the y axis: the highest bar rounded up to a whole tick. */
  static long top(long max) {
    long step = step(max);
    return Math.max(step, (max + step - 1) / step * step);
  }

  /** A tick step of 1, 2 or 5 times a power of ten giving at most five ticks up to {@code max}. */
  static long step(long max) {
    long power = 1;
    while (true) {
      for (long factor : new long[] {1, 2, 5}) {
        if (max <= factor * power * 5) {
          return factor * power;
        }
      }
      power *= 10;
    }
  }

  private static Indication category(String name) {
    for (Indication category : Indication.values()) {
      if (category.name().equals(name)) {
        return category;
      }
    }
    return Indication.OTHER;
  }

  private static String trials(long count) {
    return count == 1 ? " trial" : " trials";
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
