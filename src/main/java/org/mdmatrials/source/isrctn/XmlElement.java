package org.mdmatrials.source.isrctn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One element of a {@code fullTrial} record, read into memory: its local name, its attributes by
 * local name, the text directly inside it ({@code content}), and its child elements in document
 * order.
 */
record XmlElement(
    String name, Map<String, String> attributes, String content, List<XmlElement> children) {

  XmlElement {
    attributes = Map.copyOf(attributes);
    children = List.copyOf(children);
  }

  /** The first child called {@code name}, or null. */
  XmlElement child(String name) {
    for (XmlElement child : children) {
      if (child.name.equals(name)) {
        return child;
      }
    }
    return null;
  }

  /** Every child called {@code name}, in document order. */
  List<XmlElement> children(String name) {
    return children.stream().filter(c -> c.name.equals(name)).toList();
  }

  /** Every element at {@code path} below this one, each step taking every child of that name. */
  List<XmlElement> all(String... path) {
    List<XmlElement> level = List.of(this);
    for (String step : path) {
      level = level.stream().flatMap(e -> e.children(step).stream()).toList();
    }
    return level;
  }

  /** The trimmed, non-blank texts of every element at {@code path}, in document order. */
  List<String> texts(String... path) {
    return all(path).stream().map(e -> present(e.content)).filter(Objects::nonNull).toList();
  }

  /**
   * The trimmed text of the element at {@code path} below this one (each step the first child of
   * that name), or null when it is absent or blank: the ISRCTN API sends empty elements for fields
   * a registrant left empty.
   */
  String text(String... path) {
    XmlElement element = this;
    for (String step : path) {
      element = element.child(step);
      if (element == null) {
        return null;
      }
    }
    return present(element.content);
  }

  /** The trimmed value of the attribute called {@code name}, or null when absent or blank. */
  String attribute(String name) {
    return present(attributes.get(name));
  }

  /** An element with nothing in it, standing in for an absent section. */
  static XmlElement empty(String name) {
    return new XmlElement(name, Map.of(), "", List.of());
  }

  static String present(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Collects an element while it is read. */
  static final class Builder {
    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final StringBuilder text = new StringBuilder();
    private final List<XmlElement> children = new ArrayList<>();

    Builder(String name) {
      this.name = name;
    }

    void attribute(String name, String value) {
      attributes.put(name, value);
    }

    void text(String chunk) {
      text.append(chunk);
    }

    void child(XmlElement child) {
      children.add(child);
    }

    XmlElement build() {
      return new XmlElement(name, attributes, text.toString(), children);
    }
  }
}
