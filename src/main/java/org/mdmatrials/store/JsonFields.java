package org.mdmatrials.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.PartialDate;

/**
 * The shapes of the values in a stored record's JSON ({@link TrialJson}), written and read: texts
 * and lists of them, numbers, flags, dates ({@code {"value": "2008-05", "fullDate": false}}) and
 * lists of objects. A value that is absent, or of another shape, reads as not given.
 */
final class JsonFields {
  private JsonFields() {}

  static void texts(JsonGenerator json, String name, List<String> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  static void number(JsonGenerator json, String name, @Nullable Integer value) throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, value);
    }
  }

  static void date(JsonGenerator json, String name, @Nullable PartialDate date) throws IOException {
    if (date == null) {
      json.writeNullField(name);
      return;
    }
    json.writeObjectFieldStart(name);
    json.writeStringField("value", date.toString());
    json.writeBooleanField("fullDate", date.precision() == PartialDate.Precision.DAY);
    json.writeEndObject();
  }

  static void flag(JsonGenerator json, String name, @Nullable Boolean value) throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeBooleanField(name, value);
    }
  }

  /** Writes one object's fields. */
  @FunctionalInterface
  interface Fields<T> {
    void write(JsonGenerator json, T value) throws IOException;
  }

  static <T> void objects(JsonGenerator json, String name, List<T> values, Fields<T> fields)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (T value : values) {
      json.writeStartObject();
      fields.write(json, value);
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  static @Nullable String text(JsonNode node, String name) {
    JsonNode value = node.path(name);
    return value.isTextual() ? value.textValue() : null;
  }

  static @Nullable Boolean flag(JsonNode node, String name) {
    JsonNode value = node.path(name);
    return value.isBoolean() ? value.booleanValue() : null;
  }

  static String required(JsonNode node, String name) {
    String value = text(node, name);
    if (value == null) {
      throw new IllegalArgumentException("no \"" + name + "\"");
    }
    return value;
  }

  /** A date as {@code {"value": "2008-05", …}}, or as its bare text. */
  static @Nullable PartialDate date(JsonNode node, String name) {
    JsonNode value = node.path(name);
    String text =
        value.isObject() ? text(value, "value") : value.isTextual() ? value.textValue() : null;
    return text == null ? null : PartialDate.parse(text);
  }

  static List<String> texts(JsonNode array) {
    return list(array, v -> v.isTextual() ? v.textValue() : null);
  }

  static <T> List<T> list(JsonNode array, Function<JsonNode, @Nullable T> element) {
    List<T> values = new ArrayList<>(array.size());
    for (JsonNode value : array) {
      T mapped = element.apply(value);
      if (mapped != null) {
        values.add(mapped);
      }
    }
    return values;
  }
}
