package org.mdmatrials.sink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.mdmatrials.cli.Modules;
import org.mdmatrials.sink.DataDictionary.Entry;
import org.mdmatrials.sink.DataDictionary.Source;

/**
 * The data dictionary as the Markdown tables docs/data-dictionary.md holds, so that the document is
 * pasted from the one source of truth rather than written twice.
 *
 * <p>Usage (prints both tables): {@code mvn -B -q test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test && java -cp
 * target/test-classes:target/classes:$(cat target/test-classpath.txt)
 * org.mdmatrials.sink.DataDictionaryMarkdown}
 */
public final class DataDictionaryMarkdown {
  private static final Pattern PIPE = Pattern.compile("\\|");
  private static final Pattern SEPARATOR = Pattern.compile("; ");

  private DataDictionaryMarkdown() {}

  public static void main(String[] args) throws IOException {
    DataDictionary dictionary = Modules.SHIPPED.dictionary();
    System.out.print(String.join("\n", columns(dictionary.entries())) + "\n\n");
    System.out.print(String.join("\n", sources(dictionary.sources())) + "\n");
  }

  /** The table of columns: header, separator, then one line per entry. */
  static List<String> columns(List<Entry> entries) {
    List<String> lines = new ArrayList<>();
    lines.add("| file | table | column | meaning | type | example |");
    lines.add("|---|---|---|---|---|---|");
    for (Entry e : entries) {
      lines.add(
          line(
              names(e.files()),
              names(e.table().isEmpty() ? List.of() : SEPARATOR.splitAsStream(e.table()).toList()),
              code(e.column()),
              text(e.meaning()),
              text(e.type()),
              code(e.example())));
    }
    return lines;
  }

  /** The table of where each column comes from, one line per column per registry. */
  static List<String> sources(List<Source> sources) {
    List<String> lines = new ArrayList<>();
    lines.add("| table | column | registry | source |");
    lines.add("|---|---|---|---|");
    for (Source s : sources) {
      lines.add(
          line(code(s.table()), code(s.column()), code(s.registry().code()), text(s.source())));
    }
    return lines;
  }

  private static String line(String... cells) {
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
