package org.mdmatrials.source.isrctn;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.mdmatrials.CollectingSink;
import org.mdmatrials.Fixtures;
import org.mdmatrials.core.Trial;

/**
 * The recorded ISRCTN query response (fixtures/isrctn/query-colchicine.xml, see its PROVENANCE.md)
 * and the answers derived from it that no recording holds.
 */
final class IsrctnFixtures {
  static final String FILE = "isrctn/query-colchicine.xml";
  static final List<String> IDS =
      List.of(
          "ISRCTN41823570", "ISRCTN85064961", "ISRCTN12564318", "ISRCTN91308625", "ISRCTN15873887");

  private IsrctnFixtures() {}

  /** The response as served: it announces 31 trials and holds 5 (its limit was 5). */
  static String served() {
    return Fixtures.text(FILE);
  }

  /** Derived: the served response with {@code totalCount} set to the 5 trials it holds. */
  static String complete() {
    return withTotalCount(served(), 5);
  }

  /**
   * Derived: an answer to {@code limit=0}, the served root element with {@code total} as its {@code
   * totalCount} and no children.
   */
  static String count(int total) {
    String served = served();
    return withTotalCount(served.substring(0, served.indexOf("<fullTrial>")), total)
        + "</allTrials>";
  }

  static String withTotalCount(String response, int total) {
    return replaceOnce(response, "totalCount=\"31\"", "totalCount=\"" + total + "\"");
  }

  /** {@code response} with {@code from} replaced by {@code to} within the trial {@code id} only. */
  static String changed(String response, String id, String from, String to) {
    int idAt = response.indexOf("publicIdentifierCanonical=\"" + id + "\"");
    int start = response.lastIndexOf("<fullTrial>", idAt);
    int end = response.indexOf("</fullTrial>", idAt);
    if (idAt < 0 || start < 0 || end < 0) {
      throw new IllegalArgumentException("no trial " + id);
    }
    return response.substring(0, start)
        + replaceOnce(response.substring(start, end), from, to)
        + response.substring(end);
  }

  private static String replaceOnce(String text, String from, String to) {
    int at = text.indexOf(from);
    if (at < 0) {
      throw new IllegalArgumentException("no \"" + from + "\" to replace");
    }
    return text.substring(0, at) + to + text.substring(at + from.length());
  }

  /** Reads a response as the source does, comparing recruitment dates with {@code today}. */
  static CollectingSink read(String response, LocalDate today) throws IOException {
    CollectingSink collected = new CollectingSink();
    new AllTrialsReader(today).read(new StringReader(response), "test", collected);
    return collected;
  }

  static Trial trial(String response, String id, LocalDate today) throws IOException {
    return read(response, today).trials.stream()
        .filter(t -> t.trialId().equals(id))
        .findFirst()
        .orElseThrow();
  }
}
