package org.mdmatrials.source;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * What a registry's records are read from, which names its setting ({@code sources.<key>.url} or
 * {@code sources.<key>.file}) and its flag ({@code --<key>-url} or {@code --<key>-file}): an
 * address on the web, asked at every run, or a file a person saved from the registry, read again at
 * every run.
 */
public enum SourceLocation {
  /** An http or https URL. */
  URL("url", "URL", "address"),
  /** A file, or a folder whose newest file is read. */
  FILE("file", "PATH", "file, or a folder whose newest file is read");

  private final String key;
  private final String paramLabel;
  private final String description;

  SourceLocation(String key, String paramLabel, String description) {
    this.key = key;
    this.paramLabel = paramLabel;
    this.description = description;
  }

  /** The setting's key in {@code sources.<key>}, and the end of the flag: {@code url}. */
  public String key() {
    return key;
  }

  /** What the flag's value is called in the help: {@code URL}. */
  public String paramLabel() {
    return paramLabel;
  }

  /** What the value is, for the help: {@code address}. */
  public String description() {
    return description;
  }

  /**
   * The value as settings hold it: a URL without a trailing slash; a path made absolute against the
   * working directory.
   *
   * @throws IllegalArgumentException saying what was expected, when the value is not one
   */
  public String check(String value) {
    return switch (this) {
      case URL -> SourceSection.checkUrl(value);
      case FILE -> checkPath(value);
    };
  }

  private static String checkPath(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("expected the path of a file or folder but was empty");
    }
    try {
      return Path.of(value.strip()).toAbsolutePath().normalize().toString();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "not a path: \"" + value + "\" (" + e.getReason() + ")", e);
    }
  }
}
