package org.mdmatrials.source.euctr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One member state's record of a trial, as the fields that were read from it, in the order given.
 *
 * @param firstLine the record's first line ({@code Summary}) within its page, counting from 1
 */
record NationalRecord(int firstLine, List<Value> values) {
  private static final Pattern LINK_COUNTRY = Pattern.compile("/trial/[^/]+/([^/\\s]+)/?$");

  NationalRecord {
    values = List.copyOf(values);
  }

  /**
   * One field's value.
   *
   * @param label the line's code and label as given, for messages ({@code P. Date of the global end
   *     of the trial})
   * @param line the value's first line within the page, counting from 1
   * @param block the sponsor ({@code Sponsor 2}) or IMP ({@code D.IMP: 2}) the value belongs to, 0
   *     outside those sections
   */
  record Value(Field field, String label, String text, int line, int block) {
    /** Whether a Yes/No field says Yes. */
    boolean isYes() {
      return text.equalsIgnoreCase("Yes");
    }
  }

  Value first(Field field) {
    for (Value value : values) {
      if (value.field() == field) {
        return value;
      }
    }
    return null;
  }

  String text(Field field) {
    Value value = first(field);
    return value == null ? null : value.text();
  }

  /** Whether the record says Yes to the field, anywhere. */
  boolean yes(Field field) {
    return values.stream().anyMatch(v -> v.field() == field && v.isYes());
  }

  List<Value> all(Field field) {
    return values.stream().filter(v -> v.field() == field).toList();
  }

  /** The values of section D, one list per IMP, in the order given. */
  List<List<Value>> imps() {
    Map<Integer, List<Value>> byImp = new TreeMap<>();
    for (Value value : values) {
      if (value.field().section() == 'D' && value.block() > 0) {
        byImp.computeIfAbsent(value.block(), b -> new ArrayList<>()).add(value);
      }
    }
    return List.copyOf(byImp.values());
  }

  /** The EudraCT number of the summary block, or of A.2 when the summary has none. */
  String eudractNumber() {
    String number = text(Field.EUDRACT_NUMBER);
    return number != null ? number : text(Field.A2_EUDRACT_NUMBER);
  }

  /** The member state's code as the record's link gives it ({@code ES}, or {@code 3RD}). */
  String countryCode() {
    String link = text(Field.LINK);
    if (link == null) {
      return null;
    }
    Matcher matcher = LINK_COUNTRY.matcher(link);
    return matcher.find() ? matcher.group(1) : null;
  }

  /**
   * The member state's name, from the competent authority ({@code Spain - AEMPS}) or A.1; null for
   * a record of the trial's sites outside the EU/EEA, which names no member state.
   */
  String memberState() {
    if ("3RD".equals(countryCode())) {
      return null;
    }
    String authority = text(Field.NATIONAL_COMPETENT_AUTHORITY);
    if (authority == null) {
      authority = text(Field.MEMBER_STATE);
    }
    if (authority == null) {
      return null;
    }
    int dash = authority.indexOf(" - ");
    return dash < 0 ? authority : authority.substring(0, dash).strip();
  }

  /** The national status: the summary's Trial Status, or else P. End of Trial Status. */
  String status() {
    String status = text(Field.TRIAL_STATUS);
    return status != null ? status : text(Field.END_OF_TRIAL_STATUS);
  }
}
