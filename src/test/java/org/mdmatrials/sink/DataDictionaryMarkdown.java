package org.mdmatrials.sink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.mdmatrials.sink.DataDictionary.Entry;

/**
 * The data dictionary as the Markdown table README.md holds, so that the README is pasted from the
 * one source of truth rather than written twice.
 *
 * <p>Usage (prints the table): {@code mvn -B -q test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test && java -cp
 * target/test-classes:target/classes:$(cat target/test-classpath.txt)
 * org.mdmatrials.sink.DataDictionaryMarkdown}
 */
public final class DataDictionaryMarkdown {
  private static final Pattern PIPE = Pattern.compile("\\|");
  private static final Pattern SEPARATOR = Pattern.compile("; ");

  private DataDictionaryMarkdown() {}

  public static void main(String[] args) throws IOException {
    System.out.print(String.join("\n", table(DataDictionary.entries())) + "\n");
  }

  /** The table's lines: header, separator, then one line per entry. */
  static List<String> table(List<Entry> entries) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "| file | table | column | meaning | type | example | ClinicalTrials.gov | ISRCTN | EU CTIS"
            + " | EU CTR |");
    lines.add("|---|---|---|---|---|---|---|---|---|---|");
    for (Entry e : entries) {
      lines.add(line(e));
    }
    return lines;
  }

  /** One entry's line: names and the example as code, the rest as text. */
  static String line(Entry e) {
    List<String> cells =
        List.of(
            names(e.files()),
            names(e.table().isEmpty() ? List.of() : SEPARATOR.splitAsStream(e.table()).toList()),
            code(e.column()),
            text(e.meaning()),
            text(e.type()),
            code(e.example()),
            text(e.ctgov()),
            text(e.isrctn()),
            text(e.ctis()),
            text(e.euctr()));
    return "| " + String.join(" | ", cells) + " |";
  }

  private static String names(List<String> names) {
    return String.join(", ", names.stream().map(DataDictionaryMarkdown::code).toList());
  }

  private static String code(String text) {
    return text.isEmpty() ? "" : "`" + PIPE.matcher(text).replaceAll("\\\\|") + "`";
  }

  private static String text(String text) {
    return PIPE.matcher(text).replaceAll("\\\\|");
  }
}
