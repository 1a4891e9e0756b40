package org.mdmatrials.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The tool's version, as Maven stamped it into the jar. */
final class Version implements IVersionProvider {
  static final String NUMBER = load();

  @Override
  public String[] getVersion() {
    return new String[] {"mdma-trials " + NUMBER};
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/mdma-trials.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
