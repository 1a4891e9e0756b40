package org.mdmatrials.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One registry's section of the configuration, {@code sources.<key>}, read value by value: a value
 * that is missing, unknown or of the wrong kind is refused with its key named.
 */
public final class SourceSection {
  private final String path;
  private final JsonNode node;

  /**
   * @param path the section's key, {@code sources.<key>}
   * @param node the section as parsed, or a missing node when the configuration leaves it out
   */
  public SourceSection(String path, JsonNode node) {
    this.path = path;
    this.node = node;
  }

  public boolean isPresent() {
    return !node.isMissingNode() && !node.isNull();
  }

  /**
   * Whether the registry is harvested: {@code enabled}, true when a present section leaves it out,
   * and {@code whenAbsent} when the whole section is left out.
   */
  public boolean enabled(boolean whenAbsent) throws BadSettingException {
    if (!isPresent()) {
      return whenAbsent;
    }
    JsonNode value = value("enabled");
    if (value == null) {
      return true;
    }
    if (!value.isBoolean()) {
      throw new BadSettingException(
          "key '" + key("enabled") + "' must be true or false but was " + value);
    }
    return value.booleanValue();
  }

  /** {@code url}, checked as {@link #checkUrl}, or {@code fallback}. */
  public String url(String fallback) throws BadSettingException {
    String text = optionalText("url");
    try {
      return checkUrl(text == null ? fallback : text);
    } catch (IllegalArgumentException e) {
      throw new BadSettingException("key '" + key("url") + "': " + e.getMessage());
    }
  }

  /**
   * {@code file}, a file or folder that must be given, made absolute against the working directory
   * as {@link SourceLocation#FILE} has it.
   */
  public String file() throws BadSettingException {
    String name = SourceLocation.FILE.key();
    String text = optionalText(name);
    if (text == null || text.isBlank()) {
      throw new BadSettingException(
          "key '" + key(name) + "' is empty; name the file (or a folder of files) to read");
    }
    try {
      return SourceLocation.FILE.check(text);
    } catch (IllegalArgumentException e) {
      throw new BadSettingException("key '" + key(name) + "': " + e.getMessage());
    }
  }

  /** A whole number from {@code min} to {@code max}, or {@code fallback} when left out. */
  public int integer(String name, int fallback, int min, int max, String limits)
      throws BadSettingException {
    JsonNode value = value(name);
    if (value == null) {
      return fallback;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new BadSettingException(
          "key '" + key(name) + "' must be a whole number but was " + value);
    }
    int number = value.intValue();
    if (number < min || number > max) {
      throw new BadSettingException(
          "key '" + key(name) + "' must be " + limits + " but was " + number);
    }
    return number;
  }

  /** A text that must be given and not blank, stripped. */
  public String text(String name) throws BadSettingException {
    String text = optionalText(name);
    if (text == null || text.isBlank()) {
      throw new BadSettingException("key '" + key(name) + "' is empty");
    }
    return text.strip();
  }

  /**
   * A map of names to texts ({@code search: {query.term: MDMA}}) that must name at least one.
   *
   * @param whenEmpty what the key must hold, said when it holds nothing
   */
  public Map<String, String> texts(String name, String whenEmpty) throws BadSettingException {
    JsonNode value = value(name);
    if (value == null || (value.isObject() && value.isEmpty())) {
      throw new BadSettingException("key '" + key(name) + "' " + whenEmpty);
    }
    if (!value.isObject()) {
      throw new BadSettingException(
          "key '" + key(name) + "' must be a map of names to values but was " + value);
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      JsonNode text = entry.getValue();
      String entryKey = key(name) + "." + entry.getKey();
      if (!text.isValueNode() || text.isNull() || text.asText().isBlank()) {
        throw new BadSettingException("key '" + entryKey + "' is empty");
      }
      texts.put(entry.getKey(), text.asText());
    }
    return texts;
  }

  /** Refuses any key of the section but {@code known}. */
  public void allowOnly(Set<String> known) throws BadSettingException {
    if (!isPresent()) {
      return;
    }
    if (!node.isObject()) {
      throw new BadSettingException("key '" + path + "' must be a map of settings but was " + node);
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String name = entry.getKey();
      if (!known.contains(name)) {
        throw new BadSettingException("unknown key '" + key(name) + "'");
      }
    }
  }

  /**
   * An absolute http or https URL, without a trailing slash.
   *
   * @throws IllegalArgumentException saying what was expected, when it is not one
   */
  public static String checkUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
        throw new IllegalArgumentException(
            "expected an http or https URL but was \"" + value + "\"");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: \"" + value + "\" (" + e.getReason() + ")", e);
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  private @Nullable String optionalText(String name) throws BadSettingException {
    JsonNode value = value(name);
    if (value == null) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new BadSettingException("key '" + key(name) + "' must be a text but was " + value);
    }
    return value.asText();
  }

  private @Nullable JsonNode value(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  private String key(String name) {
    return path + "." + name;
  }
}
