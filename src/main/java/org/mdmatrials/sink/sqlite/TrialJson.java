package org.mdmatrials.sink.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.mdmatrials.core.Trial;

/** The common trial record as JSON, as {@code source_records.record} keeps it. */
final class TrialJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private TrialJson() {}

  /** The record as UTF-8 JSON. */
  static byte[] write(Trial trial) {
    try {
      return MAPPER.writeValueAsBytes(trial);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a trial record always serialises", e);
    }
  }

  static Trial read(byte[] json, String where) throws IOException {
    try {
      return MAPPER.readValue(json, Trial.class);
    } catch (IOException e) {
      throw new IOException("Cannot read the stored record of " + where + ": " + e.getMessage(), e);
    }
  }
}
