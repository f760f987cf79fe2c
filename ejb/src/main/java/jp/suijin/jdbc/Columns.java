package jp.suijin.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * Column reads for hot paths. Payara's result set wrapper serves {@code getObject(int, Class)} by
 * looking the method up by reflection on every call, which cost ingest more than a tenth of its
 * server time; these use the plain typed getters instead.
 */
public final class Columns {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private Columns() {
    }

    /** A nullable DOUBLE column. */
    public static Double nullableDouble(ResultSet r, int column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? null : v;
    }

    /** A DATETIME column holding UTC (as every time in the schema does), or null. */
    public static Instant utc(ResultSet r, int column) throws SQLException {
        // a calendar per call: Calendar is not thread-safe, and the driver reads its zone only
        Timestamp t = r.getTimestamp(column, Calendar.getInstance(UTC));
        return t == null ? null : t.toInstant();
    }
}
