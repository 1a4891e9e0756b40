package org.mdmatrials.source.ctgov;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.Trial;
import org.mdmatrials.http.MalformedResponseException;
import org.mdmatrials.source.JsonShapes;
import org.mdmatrials.source.MalformedRecordException;

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

  /**
   * Reads the page binding each study straight from the parser, in one pass; should a study be of
   * an unexpected shape, the parser cannot go on past it, and the page is read again study by
   * study. The page is the first {@code length} bytes of {@code body}.
   */
  StudyPage read(byte[] body, int length, String url, int pageNumber) throws IOException {
    try {
      return read(body, length, url, pageNumber, true);
    } catch (StudyOutOfShape e) {
      return read(body, length, url, pageNumber, false);
    }
  }

  private StudyPage read(byte[] body, int length, String url, int pageNumber, boolean onePass)
      throws IOException {
    List<StudyPage.Entry> studies = new ArrayList<>();
    List<SkippedRecord> skipped = new ArrayList<>();
    Integer totalCount = null;
    String nextPageToken = null;
    boolean sawStudies = false;
    try (JsonParser parser = mapper.createParser(body, 0, length)) {
      expect(parser.nextToken(), JsonToken.START_OBJECT, "$", url);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "studies" -> {
            expect(value, JsonToken.START_ARRAY, "$.studies", url);
            sawStudies = true;
            readStudies(parser, body, pageNumber, onePass, studies, skipped);
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

  /**
   * Reads each study into the fields mdma-trials uses, keeping its JSON text exactly as sent: in
   * one pass, or (when a study was found out of shape) in two, one to find where each study ends
   * and one to bind it, so that a study that cannot be read is described and skipped. A tree is
   * built only to describe such a study.
   */
  private void readStudies(
      JsonParser parser,
      byte[] body,
      int pageNumber,
      boolean onePass,
      List<StudyPage.Entry> studies,
      List<SkippedRecord> skipped)
      throws IOException {
    int position = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      position++;
      int start = (int) parser.currentTokenLocation().getByteOffset();
      StudyJson bound = null;
      if (onePass && parser.currentToken() == JsonToken.START_OBJECT) {
        try {
          bound = mapper.readValue(parser, StudyJson.class);
        } catch (MismatchedInputException e) {
          throw new StudyOutOfShape();
        }
      } else {
        parser.skipChildren();
      }
      int end = (int) parser.currentLocation().getByteOffset();
      try {
        Trial trial =
            bound != null ? StudyMapper.toTrial(bound, sourceVersion) : toTrial(body, start, end);
        studies.add(new StudyPage.Entry(trial, Payload.inBody(body, start, end)));
      } catch (MalformedRecordException e) {
        skipped.add(
            new SkippedRecord(
                CtGovModule.REGISTRY,
                nctId(mapper.readTree(body, start, end - start)),
                pageNumber,
                position,
                "$.studies[" + (position - 1) + "]" + e.path().substring(1),
                e.problem()));
      }
    }
  }

  private Trial toTrial(byte[] body, int start, int end)
      throws MalformedRecordException, IOException {
    if (body[start] != '{') {
      throw new MalformedRecordException(
          "$", "an object", JsonShapes.describe(mapper.readTree(body, start, end - start)));
    }
    StudyJson study;
    try {
      study = mapper.readValue(body, start, end - start, StudyJson.class);
    } catch (MismatchedInputException e) {
      JsonNode node = mapper.readTree(body, start, end - start);
      throw new MalformedRecordException(
          JsonShapes.path(e.getPath()),
          JsonShapes.describe(e.getTargetType()),
          JsonShapes.describe(node.at(JsonShapes.pointer(e.getPath()))));
    }
    return StudyMapper.toTrial(study, sourceVersion);
  }

  /** A study of unexpected shape stopped the one-pass reading of a page. */
  private static final class StudyOutOfShape extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StudyOutOfShape() {
      super(null, null, false, false);
    }
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
