package jp.suijin.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * An INSERT of many rows as one statement per {@value #ROWS_PER_STATEMENT} rows
 * ({@code INSERT ... VALUES (?, ?), (?, ?), ...}): MariaDB parses and plans it once, where a JDBC batch
 * of small upserts costs a statement per row. Rows are written in the order given, which callers keep
 * stable so concurrent writers lock in the same order.
 */
public final class MultiRowInsert {

    /** Keeps every statement far below MariaDB's 65,535 placeholders. */
    static final int ROWS_PER_STATEMENT = 1_000;

    private MultiRowInsert() {
    }

    /**
     * @param head the statement up to and including {@code VALUES}, e.g. {@code INSERT INTO t (a, b) VALUES}
     * @param tail what follows the rows, e.g. {@code ON DUPLICATE KEY UPDATE ...}, or an empty string
     * @param rows each with one value per column, bound with {@link PreparedStatement#setObject(int, Object)}
     * @return the affected-row count MariaDB reports, summed over the statements
     */
    public static long execute(Connection c, String head, String tail, List<Object[]> rows) throws SQLException {
        long affected = 0;
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            int columns = chunk.get(0).length;
            String row = "(" + "?, ".repeat(columns - 1) + "?)";
            StringBuilder sql = new StringBuilder(head.length() + tail.length() + chunk.size() * (row.length() + 2))
                    .append(head).append(' ').append(row);
            for (int i = 1; i < chunk.size(); i++) {
                sql.append(", ").append(row);
            }
            sql.append(tail.isEmpty() ? "" : " ").append(tail);
            try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
                int p = 1;
                for (Object[] values : chunk) {
                    for (Object v : values) {
                        insert.setObject(p++, v);
                    }
                }
                affected += insert.executeUpdate();
            }
        }
        return affected;
    }
}
