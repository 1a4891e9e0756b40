package org.mdmatrials.source.ctis;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Words and paths for data errors: what a value should have been, what it was, and where. */
final class JsonShapes {
  private static final int SHOWN_TEXT = 60;

  private JsonShapes() {}

  /** {@code $.authorizedApplication.authorizedPartI.products[0]} for a Jackson reference chain. */
  static String path(List<Reference> references) {
    StringBuilder path = new StringBuilder("$");
    for (Reference ref : references) {
      if (ref.getFieldName() != null) {
        path.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  static JsonPointer pointer(List<Reference> references) {
    JsonPointer pointer = JsonPointer.empty();
    for (Reference ref : references) {
      if (ref.getFieldName() != null) {
        pointer = pointer.appendProperty(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        pointer = pointer.appendIndex(ref.getIndex());
      }
    }
    return pointer;
  }

  static String describe(Class<?> type) {
    if (type == null) {
      return "a value";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == Boolean.class) {
      return "a boolean";
    }
    return "an object";
  }

  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "the string \"" + shorten(node.asText()) + "\"";
      case NUMBER -> "the number " + node.asText();
      case BOOLEAN -> "the boolean " + node.asText();
      case NULL -> "null";
      default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
    };
  }

  private static String shorten(String text) {
    return text.length() <= SHOWN_TEXT ? text : text.substring(0, SHOWN_TEXT) + "…";
  }
}
