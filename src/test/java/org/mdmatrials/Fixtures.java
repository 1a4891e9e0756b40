package org.mdmatrials;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Real registry responses recorded under {@code src/test/resources/fixtures} (see each folder's
 * PROVENANCE.md), and page envelopes built around them where a test needs a page no recording
 * holds.
 */
public final class Fixtures {
  public static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  public static String text(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode json(String path) {
    try {
      return (ObjectNode) JSON.readTree(text(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A recorded full study, {@code NCT03275402} for {@code ctgov/studies/NCT03275402.json}. */
  public static ObjectNode study(String nctId) {
    return json("ctgov/studies/" + nctId + ".json");
  }

  /**
   * A {@code GET /studies} page around recorded studies: the envelope is built here, the studies
   * are the real records.
   *
   * @param totalCount null for a later page, which carries none
   * @param nextPageToken null for the last page
   */
  public static String page(Integer totalCount, String nextPageToken, ObjectNode... studies) {
    ObjectNode page = JSON.createObjectNode();
    ArrayNode list = page.putArray("studies");
    for (ObjectNode study : studies) {
      list.add(study);
    }
    if (totalCount != null) {
      page.put("totalCount", totalCount);
    }
    if (nextPageToken != null) {
      page.put("nextPageToken", nextPageToken);
    }
    return page.toString();
  }

  /**
   * A copy of a recorded study under another NCT id ({@code NCT9} and seven digits), for tests and
   * benchmarks that need more studies than were recorded.
   */
  public static ObjectNode renumbered(ObjectNode study, int number) {
    ObjectNode copy = study.deepCopy();
    ((ObjectNode) copy.at("/protocolSection/identificationModule"))
        .put("nctId", String.format("NCT9%07d", number));
    return copy;
  }

  /** {@code {"apiVersion":"2.0.5","dataTimestamp":…}}, the shape the OpenAPI contract gives. */
  public static String version(String dataTimestamp) {
    return JSON.createObjectNode()
        .put("apiVersion", "2.0.5")
        .put("dataTimestamp", dataTimestamp)
        .toString();
  }
}
