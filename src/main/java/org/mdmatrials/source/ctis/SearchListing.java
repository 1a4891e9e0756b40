package org.mdmatrials.source.ctis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.http.MalformedResponseException;
import org.mdmatrials.source.JsonShapes;

/**
 * Lists every trial a search matches, by CT number, page by page.
 *
 * <p>The API serves at most {@code window} results of a query (10,000), so no page past it is asked
 * for. When more trials match, the search is run again sorted the other way (decisionDate
 * ascending), which reaches the oldest ones, and both lists are merged by CT number: up to twice
 * the window can be listed so. The listing must hold as many distinct trials as the search
 * announced; otherwise (more than twice the window, trials tied at the seam of the two sort orders,
 * or the registry changing while it was read) the harvest fails with the query and the counts.
 */
final class SearchListing {
  private final CtisApi api;
  private final ObjectNode criteria;
  private final int pageSize;
  private final int window;

  /** A listed trial, and where the search listed it first. */
  record Listed(String ctNumber, int page, int position) {}

  /** The listing: the count announced, the trials, the summaries without a CT number. */
  record Result(int announced, List<Listed> trials, List<SkippedRecord> skipped, int pages) {
    int received() {
      return trials.size() + skipped.size();
    }
  }

  SearchListing(CtisApi api, ObjectNode criteria, int pageSize, int window) {
    this.api = api;
    this.criteria = criteria;
    this.pageSize = pageSize;
    this.window = window;
  }

  Result list() throws IOException {
    Collector collector = new Collector();
    int announced = readPass(collector, "DESC", -1);
    if (announced > window) {
      readPass(collector, "ASC", announced);
    }
    if (collector.covered() < announced) {
      throw failure(
          "announced "
              + announced
              + " trials but "
              + collector.covered()
              + " distinct came in "
              + collector.pages
              + " pages (at most "
              + window
              + " a query, sorted by decisionDate descending"
              + (announced > window ? " and ascending)" : ")"));
    }
    return new Result(
        announced,
        List.copyOf(collector.trials.values()),
        List.copyOf(collector.skipped),
        collector.pages);
  }

  /**
   * Reads pages in one sort order until the order has served all it can (all announced, or the
   * window), a page comes back empty, or every announced trial is listed. Returns the count
   * announced; {@code announced} is -1 before the first page.
   */
  private int readPass(Collector collector, String direction, int announced) throws IOException {
    int expected = announced;
    int read = 0;
    for (int page = 1; ; page++) {
      SearchPage result = api.search(body(page, direction));
      collector.pages++;
      if (expected < 0) {
        expected = result.totalRecords();
        if (expected > 2L * window) {
          throw failure(
              "matches "
                  + expected
                  + " trials, but the API serves at most "
                  + window
                  + " a query and sorting both ways reaches "
                  + 2L * window
                  + ": narrow the search terms");
        }
      } else if (result.totalRecords() != expected) {
        throw failure(
            "announced "
                + expected
                + " trials, then "
                + result.totalRecords()
                + " on page "
                + page
                + " sorted "
                + direction
                + ": the registry changed while it was read");
      }
      collector.add(result.data(), collector.pages);
      read += result.data().size();
      if (result.data().isEmpty()
          || read >= Math.min(expected, window)
          || collector.covered() >= expected) {
        return expected;
      }
    }
  }

  /** The request body of one page, as the portal sends it. */
  private ObjectNode body(int page, String direction) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putObject("pagination").put("page", page).put("size", pageSize);
    body.set("searchCriteria", criteria.deepCopy());
    body.putObject("sort").put("property", "decisionDate").put("direction", direction);
    return body;
  }

  private MalformedResponseException failure(String problem) {
    return new MalformedResponseException(
        api.searchUrl().toString(), "the search " + criteria + " " + problem);
  }

  /** The trials listed so far, each once, and the summaries that name none. */
  private static final class Collector {
    final Map<String, Listed> trials = new LinkedHashMap<>();
    final List<SkippedRecord> skipped = new ArrayList<>();
    int pages;

    void add(List<JsonNode> summaries, int page) {
      for (int i = 0; i < summaries.size(); i++) {
        JsonNode ctNumber = summaries.get(i).path("ctNumber");
        if (ctNumber.isTextual() && !ctNumber.asText().isBlank()) {
          String id = ctNumber.asText().strip();
          trials.putIfAbsent(id, new Listed(id, page, i + 1));
        } else {
          skipped.add(
              new SkippedRecord(
                  CtisModule.REGISTRY,
                  null,
                  page,
                  i + 1,
                  "$.data[" + i + "].ctNumber",
                  "Expected a CT number but was " + JsonShapes.describe(ctNumber)));
        }
      }
    }

    int covered() {
      return trials.size() + skipped.size();
    }
  }
}
