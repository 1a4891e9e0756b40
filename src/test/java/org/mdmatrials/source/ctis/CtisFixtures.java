package org.mdmatrials.source.ctis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.mdmatrials.Fixtures;

/**
 * The CTIS fixtures under {@code fixtures/ctis} (derived from ctrdata's stored records, see their
 * PROVENANCE.md), and search pages built around their summaries where a test needs a page no
 * derivation holds.
 */
final class CtisFixtures {
  /** Decided 24/04/2024: first in the search, sorted by decision date descending. */
  static final String ZANAMIVIR = "2024-510663-34-00";

  /** Decided 12/04/2024. */
  static final String POSACONAZOLE = "2023-505613-24-00";

  private CtisFixtures() {}

  /** The retrieved record as served. */
  static String recordText(String ctNumber) {
    return Fixtures.text("ctis/retrieve/" + ctNumber + ".json");
  }

  static ObjectNode record(String ctNumber) {
    return Fixtures.json("ctis/retrieve/" + ctNumber + ".json");
  }

  /** The derived search response listing both records. */
  static String searchPage() {
    return Fixtures.text("ctis/search/page-1.json");
  }

  /** The search summary of one of the two records. */
  static ObjectNode summary(String ctNumber) {
    JsonNode data = Fixtures.json("ctis/search/page-1.json").path("data");
    return (ObjectNode)
        StreamSupport.stream(data.spliterator(), false)
            .filter(s -> s.path("ctNumber").asText().equals(ctNumber))
            .findFirst()
            .orElseThrow();
  }

  /** A copy of a summary or record under another CT number. */
  static ObjectNode renumbered(ObjectNode node, String ctNumber) {
    ObjectNode copy = node.deepCopy();
    copy.put("ctNumber", ctNumber);
    return copy;
  }

  /** A search response announcing {@code totalRecords} around the given summaries. */
  static String page(int totalRecords, List<? extends JsonNode> summaries) {
    ObjectNode page = Fixtures.JSON.createObjectNode();
    page.putObject("pagination").put("totalRecords", totalRecords);
    page.putArray("data").addAll(summaries);
    return page.toString();
  }

  /** A record as ctrdata stored it, from the API CTIS served before its relaunch in June 2024. */
  static ObjectNode storedByCtrdata(String ctNumber) {
    ObjectNode record = (ObjectNode) Fixtures.json("ctis/ctrdata/CTIS_records.json").get(ctNumber);
    record.remove(List.of("ctrname", "record_last_import"));
    return record;
  }
}
