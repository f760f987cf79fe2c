package jp.suijin.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Month partitions of a table partitioned {@code BY RANGE COLUMNS (time)} that starts with the one
 * catch-all partition {@code pmax}: months are split off it ahead of time, and months wholly before
 * a cut are dropped, so removing old rows never becomes a huge DELETE. Needs the owner account.
 */
public final class MonthlyPartitions {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'p'yyyyMMdd");

    private MonthlyPartitions() {
    }

    /** One partition: its name and the exclusive upper bound (null for the catch-all). */
    public record Partition(String name, LocalDateTime bound) {
    }

    /** Splits the catch-all so that month partitions reach {@code monthsAhead} months after {@code now}. */
    public static void ensure(Connection c, String table, Instant now, int monthsAhead) throws SQLException {
        LocalDate first = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
        LocalDateTime highest = null;
        for (Partition p : list(c, table)) {
            if (p.bound() != null && (highest == null || p.bound().isAfter(highest))) {
                highest = p.bound();
            }
        }
        List<String> parts = new ArrayList<>();
        for (int m = 1; m <= monthsAhead + 1; m++) {
            LocalDateTime bound = first.plusMonths(m).atStartOfDay();
            if (highest == null || bound.isAfter(highest)) {
                parts.add("PARTITION " + NAME.format(bound) + " VALUES LESS THAN ('" + bound.toLocalDate() + "')");
            }
        }
        if (!parts.isEmpty()) {
            parts.add("PARTITION pmax VALUES LESS THAN (MAXVALUE)");
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + table + " REORGANIZE PARTITION pmax INTO (" + String.join(", ", parts) + ")");
            }
        }
    }

    /** Drops the partitions whose every row lies before {@code cut}; returns their names. */
    public static List<String> dropBefore(Connection c, String table, LocalDateTime cut) throws SQLException {
        List<String> dropped = new ArrayList<>();
        for (Partition p : list(c, table)) {
            if (p.bound() != null && !p.bound().isAfter(cut)) {
                dropped.add(p.name());
            }
        }
        if (!dropped.isEmpty()) {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + table + " DROP PARTITION " + String.join(", ", dropped));
            }
        }
        return dropped;
    }

    public static List<Partition> list(Connection c, String table) throws SQLException {
        List<Partition> list = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT partition_name, partition_description"
                + " FROM information_schema.partitions WHERE table_schema = DATABASE() AND table_name = ?"
                + " ORDER BY partition_ordinal_position")) {
            q.setString(1, table);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    String bound = r.getString(2).replace("'", "").strip();
                    list.add(new Partition(r.getString(1), bound.equalsIgnoreCase("MAXVALUE") ? null
                            : LocalDate.parse(bound.substring(0, 10)).atStartOfDay()));
                }
            }
        }
        return list;
    }
}
