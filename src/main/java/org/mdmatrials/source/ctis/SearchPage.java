package org.mdmatrials.source.ctis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.mdmatrials.http.MalformedResponseException;
import org.mdmatrials.source.JsonShapes;

/** One page of {@code POST /search}: how many trials match in all, and this page's summaries. */
record SearchPage(int totalRecords, List<JsonNode> data) {
  SearchPage {
    data = List.copyOf(data);
  }

  static SearchPage read(JsonNode page, String url) throws MalformedResponseException {
    if (!page.isObject()) {
      throw new MalformedResponseException(
          url, "expected an object but was " + JsonShapes.describe(page) + " at $");
    }
    JsonNode total = page.path("pagination").path("totalRecords");
    if (!total.canConvertToInt() || !total.isIntegralNumber() || total.intValue() < 0) {
      throw new MalformedResponseException(
          url,
          "expected a count at $.pagination.totalRecords but was " + JsonShapes.describe(total));
    }
    JsonNode data = page.path("data");
    if (!data.isArray()) {
      throw new MalformedResponseException(
          url, "expected an array at $.data but was " + JsonShapes.describe(data));
    }
    List<JsonNode> entries = new ArrayList<>();
    data.forEach(entries::add);
    return new SearchPage(total.intValue(), entries);
  }
}
