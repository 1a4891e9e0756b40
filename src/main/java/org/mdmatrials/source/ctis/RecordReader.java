package org.mdmatrials.source.ctis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import org.mdmatrials.core.Trial;
import org.mdmatrials.source.JsonShapes;
import org.mdmatrials.source.MalformedRecordException;

/**
 * Reads one retrieved record into the common trial record, or says what in it was not as expected
 * and where.
 */
final class RecordReader {
  private final ObjectMapper mapper;

  RecordReader(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The trial the record describes, which must be the one that was asked for. */
  Trial read(JsonNode record, String askedFor) throws MalformedRecordException {
    if (!record.isObject()) {
      throw new MalformedRecordException("$", "an object", JsonShapes.describe(record));
    }
    CtisRecordJson json;
    try {
      json = mapper.treeToValue(record, CtisRecordJson.class);
    } catch (MismatchedInputException e) {
      throw new MalformedRecordException(
          JsonShapes.path(e.getPath()),
          JsonShapes.describe(e.getTargetType()),
          JsonShapes.describe(record.at(JsonShapes.pointer(e.getPath()))));
    } catch (IOException e) {
      throw new MalformedRecordException("$", "a CTIS record", e.getMessage());
    }
    Trial trial = CtisMapper.toTrial(json);
    if (!trial.trialId().equals(askedFor)) {
      throw new MalformedRecordException(
          "$.ctNumber", "\"" + askedFor + "\"", JsonShapes.describe(record.path("ctNumber")));
    }
    return trial;
  }
}
