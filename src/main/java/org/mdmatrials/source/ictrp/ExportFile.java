package org.mdmatrials.source.ictrp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The export a run reads: the configured file, or the newest export in the configured folder; and
 * which of the two exports it is, told by its first character rather than its name.
 */
final class ExportFile {
  /** How far into a file its first character is looked for, past a byte order mark and spaces. */
  private static final int HEAD = 4096;

  /** How much of a file's end is read to see whether it ends after a record, without its root. */
  private static final int TAIL = 512;

  private ExportFile() {}

  /**
   * The file at {@code location}, or, when it is a folder, its newest {@code .xml} or {@code .csv}
   * file (by the time it was last changed, then by name): the Search Portal names every export
   * {@code ICTRP-Results.xml}, and a browser saves the next one beside it as {@code
   * ICTRP-Results(1).xml}.
   */
  static Path resolve(Path location) throws IOException {
    if (Files.isRegularFile(location)) {
      return location;
    }
    if (!Files.isDirectory(location)) {
      throw new NoSuchFileException(
          location.toString(), null, "no such file or folder: save the ICTRP export there");
    }
    try (Stream<Path> files = Files.list(location)) {
      List<Path> exports =
          files.filter(Files::isRegularFile).filter(ExportFile::looksLikeAnExport).toList();
      return exports.stream()
          .max(Comparator.comparing(ExportFile::modified).thenComparing(Path::getFileName))
          .orElseThrow(
              () ->
                  new NoSuchFileException(
                      location.toString(), null, "the folder holds no .xml or .csv export"));
    }
  }

  /**
   * What a run would read at {@code location} now, for {@code validate}: nothing to add for a file,
   * the newest export of a folder, or that there is none yet.
   */
  static String describe(Path location) {
    if (Files.isRegularFile(location)) {
      return "";
    }
    if (!Files.isDirectory(location)) {
      return " (not found: a run fails this source until the export is saved there)";
    }
    try {
      return " (a folder: a run now reads " + resolve(location).getFileName() + ")";
    } catch (IOException e) {
      return " (a folder holding no .xml or .csv export yet: a run fails this source)";
    }
  }

  /** The export in {@code file}: XML when its first character is {@code <}, CSV otherwise. */
  static Export open(Path file) throws IOException {
    String head = head(file);
    if (head.isEmpty()) {
      throw new IOException(file + ": the file is empty, not an ICTRP export");
    }
    return head.charAt(0) == '<'
        ? new XmlExport(file, endsAfterARecord(file))
        : new CsvExport(file);
  }

  private static boolean looksLikeAnExport(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".xml") || name.endsWith(".csv");
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  /** The file's start past a byte order mark and spaces; empty when it holds nothing else. */
  private static String head(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(HEAD);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.replaceFirst("^\uFEFF", "").stripLeading();
  }

  /**
   * Whether the file ends after a record's end tag, without the root's: WHO's all-results export is
   * known to stop so, every record complete.
   */
  static boolean endsAfterARecord(Path file) throws IOException {
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      long size = channel.size();
      ByteBuffer tail = ByteBuffer.allocate((int) Math.min(TAIL, size));
      channel.position(size - tail.capacity());
      while (tail.hasRemaining() && channel.read(tail) >= 0) {
        // reads the whole tail
      }
      String end = new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8).strip();
      return end.endsWith("</" + XmlExport.TRIAL + ">");
    }
  }
}
