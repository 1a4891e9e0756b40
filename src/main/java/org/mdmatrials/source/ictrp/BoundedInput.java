package org.mdmatrials.source.ictrp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A file's bytes, refusing to go on when one record runs longer than a limit: a parser holds a
 * record's text in memory, and no record of a real export is more than some kilobytes, so a file
 * that would make one record hold megabytes is not an export to read to its end.
 */
final class BoundedInput extends FilterInputStream {
  /** The file was not read further: one record ran past the limit. */
  static final class RecordTooLong extends IOException {
    private static final long serialVersionUID = 1L;

    RecordTooLong(long limit) {
      super("a record runs longer than " + limit / (1024 * 1024) + " MB; no ICTRP record is");
    }
  }

  private final long limit;
  private long sinceRecord;

  BoundedInput(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  /** A record ended: the count starts again. */
  void recordEnded() {
    sinceRecord = 0;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) throws RecordTooLong {
    sinceRecord += n;
    if (sinceRecord > limit) {
      throw new RecordTooLong(limit);
    }
  }
}
