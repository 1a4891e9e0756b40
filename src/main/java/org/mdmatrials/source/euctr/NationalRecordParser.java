package org.mdmatrials.source.euctr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the lines of one member-state record into the values of the fields in {@link Field}: a
 * small state machine over lines. A record opens with its summary block ({@code Label: value}
 * lines, no codes) and goes on with coded lines ({@code E.7.1 Human pharmacology (Phase I): Yes}).
 * A line that is neither a field nor a block heading continues the value above it (free text runs
 * over many lines; some values start on the next line). Lines of fields that are not read, and
 * translations ({@code A.3 Full title of the trial (es):}), are passed over with their
 * continuations; a missing field is simply absent. Tabs count as spaces, and surrounding spaces are
 * dropped.
 */
final class NationalRecordParser {
  /** A field code: {@code A.3}, {@code E.7.1}, {@code P.}, {@code D.IMP}. */
  private static final Pattern CODED =
      Pattern.compile("([A-Z]\\.(?:IMP|\\d+(?:\\.\\d+)*)?)([\\s:].*)?");

  private static final Pattern SPONSOR_HEADING = Pattern.compile("Sponsor \\d+");
  private static final Pattern TRANSLATION = Pattern.compile(".*\\([a-z]{2}\\)");

  private final List<NationalRecord.Value> values = new ArrayList<>();
  private boolean inSummary = true;
  private int sponsor;
  private int imp;
  private boolean inImp;
  private Pending pending;

  private NationalRecordParser() {}

  /**
   * @param lines the record's lines, the first being {@code Summary}
   * @param firstLine the number of that first line within the page
   */
  static NationalRecord parse(List<String> lines, int firstLine) {
    NationalRecordParser parser = new NationalRecordParser();
    for (int i = 1; i < lines.size(); i++) {
      parser.line(lines.get(i).replace('\t', ' ').strip(), firstLine + i);
    }
    parser.finish();
    return new NationalRecord(firstLine, parser.values);
  }

  private void line(String text, int number) {
    Matcher coded = CODED.matcher(text);
    boolean isCoded = coded.matches();
    if (inSummary && !isCoded) {
      summaryLine(text, number);
      return;
    }
    inSummary = false;
    if (isCoded) {
      finish();
      codedLine(coded.group(1), coded.group(2) == null ? "" : coded.group(2).strip(), number);
    } else if (SPONSOR_HEADING.matcher(text).matches()) {
      finish();
      sponsor++;
    } else if (pending != null) {
      pending.text.append('\n').append(text);
    }
  }

  private void summaryLine(String text, int number) {
    if (text.isEmpty()) {
      finish();
      return;
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      if (pending != null) {
        pending.text.append('\n').append(text);
      }
      return;
    }
    finish();
    String label = text.substring(0, colon).strip();
    start(Field.summary(label), label, text.substring(colon + 1), number, 0);
  }

  /**
   * {@code rest} is what follows the code: the label, up to a colon or question mark, and value.
   */
  private void codedLine(String code, String rest, int number) {
    int end = labelEnd(rest);
    String label;
    String value = "";
    if (end < 0) {
      label = rest;
    } else {
      // "D.8.1 Is a Placebo used in this Trial? Yes" keeps its question mark in the label.
      label = rest.substring(0, rest.charAt(end) == '?' ? end + 1 : end).strip();
      value = rest.substring(end + 1);
    }
    if (code.equals("D.IMP")) {
      imp++;
    }
    // Section D holds the IMPs, then the placebos (D.8); the placebos belong to no IMP.
    inImp = code.equals("D.IMP") || (inImp && code.startsWith("D.") && !code.startsWith("D.8"));
    Field field = TRANSLATION.matcher(label).matches() ? null : Field.coded(code, label);
    start(field, label.isEmpty() ? code : code + " " + label, value, number, block(field));
  }

  private int block(Field field) {
    if (field == null) {
      return 0;
    }
    return switch (field.section()) {
      case 'B' -> sponsor;
      case 'D' -> inImp ? imp : 0;
      default -> 0;
    };
  }

  /** Where the label ends: at the first colon, or at a question mark ({@code D.8.1 Is … ? Yes}). */
  private static int labelEnd(String rest) {
    int colon = rest.indexOf(':');
    int question = rest.indexOf('?');
    if (colon < 0) {
      return question;
    }
    return question < 0 ? colon : Math.min(colon, question);
  }

  private void start(Field field, String label, String value, int number, int block) {
    pending = field == null ? null : new Pending(field, label, number, block, value.strip());
  }

  private void finish() {
    if (pending != null) {
      String text = pending.text.toString().strip();
      if (!text.isEmpty()) {
        values.add(
            new NationalRecord.Value(
                pending.field, pending.label, text, pending.line, pending.block));
      }
      pending = null;
    }
  }

  /** A value still open to continuation lines. */
  private static final class Pending {
    final Field field;
    final String label;
    final int line;
    final int block;
    final StringBuilder text;

    Pending(Field field, String label, int line, int block, String text) {
      this.field = field;
      this.label = label;
      this.line = line;
      this.block = block;
      this.text = new StringBuilder(text);
    }
  }
}
