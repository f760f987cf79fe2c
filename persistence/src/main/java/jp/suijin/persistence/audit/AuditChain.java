package jp.suijin.persistence.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two tamper-evident chains (operation records and access records): their columns, the
 * canonical byte form of a record, and the chained MAC {@code mac_n = HMAC-SHA256(key, mac_{n-1} ||
 * canonical(record_n))}. Shared by the writer in the application and the verification, which
 * also runs outside the server.
 */
public enum AuditChain {

    AUDIT("audit", "audit_record", List.of(
            Column.number("seq"), Column.time("recorded_at"), Column.number("organisation_id"),
            Column.text("principal", 128), Column.text("client_ip", 45), Column.text("user_agent", 200),
            Column.text("session_hash", 16), Column.text("operation", 100), Column.text("bean_method", 200),
            Column.text("target", 200), Column.text("parameters", 2000), Column.text("outcome", 8),
            Column.text("error_class", 200), Column.number("duration_ms"))),

    ACCESS("access", "access_record", List.of(
            Column.number("seq"), Column.time("recorded_at"), Column.text("listener", 8),
            Column.number("organisation_id"), Column.text("principal", 128), Column.text("client_ip", 45),
            Column.text("method", 10), Column.text("path", 500), Column.text("query", 500), Column.number("status"),
            Column.number("bytes"), Column.number("duration_ms"), Column.text("user_agent", 200),
            Column.text("session_hash", 16)));

    public static final int MAC_LENGTH = 32;
    /** The link before the first record of a chain. */
    public static final byte[] GENESIS = new byte[MAC_LENGTH];

    private final String chainName;
    private final String table;
    private final List<Column> columns;

    AuditChain(String chainName, String table, List<Column> columns) {
        this.chainName = chainName;
        this.table = table;
        this.columns = columns;
    }

    /** The name in {@code audit_chain} and {@code audit_purge}. */
    public String chainName() {
        return chainName;
    }

    public String table() {
        return table;
    }

    public List<Column> columns() {
        return columns;
    }

    public String insertSql() {
        StringBuilder names = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (Column c : columns) {
            names.append(c.name()).append(", ");
            marks.append("?, ");
        }
        return "INSERT INTO " + table + " (" + names + "prev_mac, mac) VALUES (" + marks + "?, ?)";
    }

    public String selectColumns() {
        StringBuilder names = new StringBuilder();
        for (Column c : columns) {
            names.append(c.name()).append(", ");
        }
        return names + "prev_mac, mac";
    }

    /**
     * Brings values (in column order) to exactly what the database stores: texts cut to their
     * column, unpaired surrogates replaced, times cut to milliseconds. The MAC is computed over this.
     */
    public Object[] normalise(Object[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(table + " has " + columns.size() + " columns, got " + values.length);
        }
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = columns.get(i).normalise(values[i]);
        }
        return out;
    }

    public byte[] mac(byte[] key, byte[] previous, Object[] normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(previous);
            mac.update(canonical(normalised));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Length-prefixed fields, so no two different records share a byte form. */
    byte[] canonical(Object[] normalised) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (int i = 0; i < normalised.length; i++) {
            Object v = normalised[i];
            if (v == null) {
                out.write(0);
            } else if (v instanceof String s) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                out.write(1);
                writeLong(out, b.length);
                out.writeBytes(b);
            } else if (v instanceof Instant t) {
                out.write(2);
                writeLong(out, t.toEpochMilli());
            } else {
                out.write(3);
                writeLong(out, ((Number) v).longValue());
            }
        }
        return out.toByteArray();
    }

    private static void writeLong(ByteArrayOutputStream out, long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift));
        }
    }

    /** Binds normalised values, then the two MACs, to {@link #insertSql()}. */
    public void bind(PreparedStatement insert, Object[] normalised, byte[] previous, byte[] mac) throws SQLException {
        int i = 1;
        for (int c = 0; c < normalised.length; c++) {
            Object v = normalised[c];
            switch (columns.get(c).kind()) {
                case TEXT -> insert.setString(i, (String) v);
                case TIME -> insert.setObject(i, LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC));
                case NUMBER -> {
                    if (v == null) {
                        insert.setNull(i, Types.BIGINT);
                    } else {
                        insert.setLong(i, ((Number) v).longValue());
                    }
                }
            }
            i++;
        }
        insert.setBytes(i++, previous);
        insert.setBytes(i, mac);
    }

    /** Reads a row selected with {@link #selectColumns()} back into normalised values. */
    public Object[] read(ResultSet row) throws SQLException {
        Object[] values = new Object[columns.size()];
        for (int c = 0; c < values.length; c++) {
            Column column = columns.get(c);
            values[c] = switch (column.kind()) {
                case TEXT -> row.getString(column.name());
                case TIME -> {
                    LocalDateTime t = row.getObject(column.name(), LocalDateTime.class);
                    yield t == null ? null : t.toInstant(ZoneOffset.UTC);
                }
                case NUMBER -> {
                    long v = row.getLong(column.name());
                    yield row.wasNull() ? null : v;
                }
            };
        }
        return values;
    }

    /**
     * A short public name of a key, kept with the chain head so that verifying with another key
     * says so instead of reporting the first record as changed.
     */
    public static String keyId(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] id = mac.doFinal("suijin audit key id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(id, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    public enum Kind { TEXT, TIME, NUMBER }

    public record Column(String name, Kind kind, int maxLength) {

        static Column text(String name, int maxLength) {
            return new Column(name, Kind.TEXT, maxLength);
        }

        static Column time(String name) {
            return new Column(name, Kind.TIME, 0);
        }

        static Column number(String name) {
            return new Column(name, Kind.NUMBER, 0);
        }

        Object normalise(Object v) {
            if (v == null) {
                return null;
            }
            return switch (kind) {
                case TEXT -> cut(v.toString(), maxLength);
                case TIME -> Instant.ofEpochMilli(((Instant) v).toEpochMilli());
                case NUMBER -> ((Number) v).longValue();
            };
        }

        /** At most max characters (code points never split), unpaired surrogates as U+FFFD. */
        static String cut(String s, int max) {
            StringBuilder b = new StringBuilder(Math.min(s.length(), max));
            int i = 0;
            while (i < s.length() && b.length() < max) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (b.length() + 2 > max) {
                        break;
                    }
                    b.append(c).append(s.charAt(i + 1));
                    i += 2;
                } else {
                    b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
                    i++;
                }
            }
            return b.toString();
        }
    }
}
