package org.mdmatrials.source.ctgov;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.Trial;
import org.mdmatrials.source.MalformedRecordException;
import org.mdmatrials.source.MalformedResponseException;

/**
 * Reads one {@code PagedStudies} response a study at a time: a study that cannot be read is skipped
 * and described; a page that is not a {@code PagedStudies} object fails as a whole.
 */
final class StudyPageReader {
  private final ObjectMapper mapper;
  private final String sourceVersion;

  StudyPageReader(ObjectMapper mapper, String sourceVersion) {
    this.mapper = mapper;
    this.sourceVersion = sourceVersion;
  }

  StudyPage read(InputStream body, String url, int pageNumber) throws IOException {
    List<StudyPage.Entry> studies = new ArrayList<>();
    List<SkippedRecord> skipped = new ArrayList<>();
    Integer totalCount = null;
    String nextPageToken = null;
    boolean sawStudies = false;
    try (JsonParser parser = mapper.createParser(body)) {
      expect(parser.nextToken(), JsonToken.START_OBJECT, "$", url);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "studies" -> {
            expect(value, JsonToken.START_ARRAY, "$.studies", url);
            sawStudies = true;
            readStudies(parser, pageNumber, studies, skipped);
          }
          case "nextPageToken" -> nextPageToken = parser.getValueAsString();
          case "totalCount" -> totalCount = parser.getValueAsInt();
          default -> parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw new MalformedResponseException(url, "content after the end of the page object");
      }
    } catch (MalformedResponseException e) {
      throw e;
    } catch (IOException e) {
      throw new MalformedResponseException(url, "not valid JSON: " + e.getMessage(), e);
    }
    if (!sawStudies) {
      throw new MalformedResponseException(url, "no \"studies\" array in the page");
    }
    return new StudyPage(studies, skipped, totalCount, nextPageToken);
  }

  private void readStudies(
      JsonParser parser, int pageNumber, List<StudyPage.Entry> studies, List<SkippedRecord> skipped)
      throws IOException {
    int position = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      position++;
      JsonNode node = mapper.readTree(parser);
      try {
        studies.add(new StudyPage.Entry(toTrial(node), mapper.writeValueAsString(node)));
      } catch (MalformedRecordException e) {
        skipped.add(
            new SkippedRecord(
                Registry.CTGOV,
                nctId(node),
                pageNumber,
                position,
                "$.studies[" + (position - 1) + "]" + e.path().substring(1),
                e.problem()));
      }
    }
  }

  private Trial toTrial(JsonNode node) throws MalformedRecordException {
    if (!node.isObject()) {
      throw new MalformedRecordException("$", "an object", JsonShapes.describe(node));
    }
    StudyJson study;
    try {
      study = mapper.treeToValue(node, StudyJson.class);
    } catch (MismatchedInputException e) {
      String path = JsonShapes.path(e.getPath());
      throw new MalformedRecordException(
          path,
          JsonShapes.describe(e.getTargetType()),
          JsonShapes.describe(node.at(JsonShapes.pointer(e.getPath()))));
    } catch (IOException e) {
      throw new MalformedRecordException("$", "a study", e.getMessage());
    }
    return StudyMapper.toTrial(study, sourceVersion);
  }

  private static String nctId(JsonNode study) {
    JsonNode id = study.path("protocolSection").path("identificationModule").path("nctId");
    return id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
  }

  private static void expect(JsonToken actual, JsonToken expected, String path, String url)
      throws MalformedResponseException {
    if (actual != expected) {
      throw new MalformedResponseException(
          url,
          "expected "
              + JsonShapes.describe(expected)
              + " but was "
              + JsonShapes.describe(actual)
              + " at "
              + path);
    }
  }
}
