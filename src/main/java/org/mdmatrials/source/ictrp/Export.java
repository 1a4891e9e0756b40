package org.mdmatrials.source.ictrp;

import java.io.IOException;
import java.util.List;

/** An export file as a sequence of records, read from its start each time it is asked. */
interface Export {
  /** Receives each record, in the file's order. */
  @FunctionalInterface
  interface Handler {
    void record(ExportRecord record) throws IOException;
  }

  /**
   * Reads the whole file, handing on each record as it is read.
   *
   * @throws IOException naming the file and the position, when the file is not an ICTRP export, is
   *     cut short or damaged, or cannot be read
   */
  void read(Handler handler) throws IOException;

  /**
   * The payload stored for a trial of these records (one, or the EU register's several member
   * states): the records as the file holds them, whole.
   */
  String payload(List<ExportRecord> records);

  /** The file format's name, for the log: XML or CSV. */
  String format();
}
