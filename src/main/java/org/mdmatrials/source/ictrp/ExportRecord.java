package org.mdmatrials.source.ictrp;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One record of an export as read, before it is mapped: its position in the file (1, 2, …) and the
 * line it starts on, its fields by their XML names ({@code TrialID}, {@code Public_title}) with
 * their text as written, padding and markup included, and the record as the file holds it.
 *
 * @param malformed what makes the record unreadable as a whole (an element where text belongs, a
 *     row of the wrong width), or null
 * @param payload the record as the file holds it: its {@code <Trial>} element, or its CSV row
 */
record ExportRecord(
    int position,
    long line,
    Map<String, String> fields,
    String payload,
    @Nullable Malformed malformed) {

  ExportRecord {
    fields = Map.copyOf(fields);
  }

  /** What is wrong with a record: where (a field's name, or {@code *} for the whole record). */
  record Malformed(String field, String expected, String found) {}

  /** A field's text as written, or null when the record leaves it out. */
  @Nullable String field(String name) {
    return fields.get(name);
  }
}
