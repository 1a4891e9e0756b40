package org.mdmatrials;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads what a query finds in a SQLite file, for tests to compare. */
public final class SqlRows {
  private SqlRows() {}

  /** Each row the query returns, its values joined by spaces (an absent one as "null"). */
  public static List<String> of(Path database, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
        ResultSet rs = db.createStatement().executeQuery(sql)) {
      int width = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= width; i++) {
          row.append(i > 1 ? " " : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
