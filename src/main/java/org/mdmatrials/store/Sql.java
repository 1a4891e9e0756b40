package org.mdmatrials.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The little SQL the store needs, said once: opening a file, inserts sent in batches, values bound
 * by their type, and queries read row by row.
 *
 * <p>Jdbi would say the same with more machinery; the store's one hot path, inserting every record
 * and trial row, is a prepared statement and a batch, and the few queries need no mapping.
 */
final class Sql {
  /** Rows an insert holds before it sends them. */
  private static final int BATCH = 1000;

  private Sql() {}

  /** Opens (or creates) a database for reading and writing. */
  static Connection open(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  /** Opens a database that must not be written. */
  static Connection openReadOnly(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file + "?open_mode=1");
  }

  /** {@code INSERT INTO table (a, b) VALUES (?, ?)}. */
  static String insert(String table, List<String> columns) {
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", columns)
        + ") VALUES ("
        + String.join(", ", columns.stream().map(c -> "?").toList())
        + ")";
  }

  /**
   * Binds a value by its type: null, an Integer or Long, a Boolean as 1 or 0, UTF-8 bytes, or else
   * its text.
   */
  static void bind(PreparedStatement st, int index, @Nullable Object value) throws SQLException {
    if (value == null) {
      st.setNull(index, Types.NULL);
    } else if (value instanceof Integer number) {
      st.setInt(index, number);
    } else if (value instanceof Long number) {
      st.setLong(index, number);
    } else if (value instanceof Boolean flag) {
      st.setInt(index, flag ? 1 : 0);
    } else if (value instanceof byte[] utf8) {
      st.setBytes(index, utf8);
    } else {
      st.setString(index, value.toString());
    }
  }

  static void execute(Connection db, String sql, @Nullable Object... values) throws SQLException {
    try (PreparedStatement st = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        bind(st, i + 1, values[i]);
      }
      st.executeUpdate();
    }
  }

  /**
   * A failure of the database as the store's callers see it: an IOException saying what could not
   * be done, and why.
   */
  static IOException failed(String what, SQLException e) {
    return new IOException("Could not " + what + ": " + e.getMessage(), e);
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException, IOException;
  }

  /** Every row {@code sql} selects, read by {@code reader}. */
  static <T> List<T> list(
      Connection db, String sql, RowReader<T> reader, @Nullable Object... values)
      throws SQLException, IOException {
    List<T> rows = new ArrayList<>();
    try (PreparedStatement st = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        bind(st, i + 1, values[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          rows.add(reader.read(rs));
        }
      }
    }
    return rows;
  }

  /** The names of a table's columns ({@code PRAGMA table_info}); empty when there is no table. */
  static Set<String> columns(Connection db, String table) throws SQLException {
    Set<String> columns = new HashSet<>();
    try (PreparedStatement st = db.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
      st.setString(1, table);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    return columns;
  }

  /** The statements of an SQL resource beside this class, comments left out. */
  static List<String> statements(String resource) throws IOException {
    try (InputStream in = Sql.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing resource " + resource);
      }
      String sql =
          new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
      return Arrays.stream(sql.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
  }

  /** An insert whose rows are sent a thousand at a time, and whenever the store must read. */
  static final class Batch implements AutoCloseable {
    private final PreparedStatement insert;
    private int pending;

    Batch(Connection db, String table, List<String> columns) throws SQLException {
      this(db, insert(table, columns));
    }

    Batch(Connection db, String sql) throws SQLException {
      insert = db.prepareStatement(sql);
    }

    void add(@Nullable Object... values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        bind(insert, i + 1, values[i]);
      }
      insert.addBatch();
      if (++pending >= BATCH) {
        flush();
      }
    }

    void flush() throws SQLException {
      if (pending > 0) {
        insert.executeBatch();
        pending = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      insert.close();
    }
  }
}
