package jp.suijin.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Table by table, what the application's database account may do: read and write every table,
 * except the audit records, which it may only read and add to, and the purge ranges, which it may
 * only read. Retention purging and schema changes use the owner account. Then checks from the
 * application's side that it holds no wider right (a grant on the whole schema or server).
 */
public final class DatabaseGrants {

    /** Tables whose rows the application may add but never change or remove. */
    static final Set<String> APPEND_ONLY = Set.of("audit_record", "access_record");
    /** Tables the application may only read. */
    static final Set<String> READ_ONLY = Set.of("audit_purge", "flyway_schema_history");

    private DatabaseGrants() {
    }

    /** What was found: the account, and whether audit records are safe from it (else why not). */
    public record Check(String account, boolean protectedAudit, String problem) {
    }

    static Check apply(DataSource owner, DataSource application) throws SQLException {
        String account;
        try (Connection app = application.getConnection(); Statement s = app.createStatement();
                ResultSet r = s.executeQuery("SELECT CURRENT_USER()")) {
            r.next();
            account = r.getString(1);
        }
        int at = account.lastIndexOf('@');
        String grantee = quote(account.substring(0, at)) + "@" + quote(account.substring(at + 1));
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            String ownerAccount;
            try (ResultSet r = s.executeQuery("SELECT CURRENT_USER()")) {
                r.next();
                ownerAccount = r.getString(1);
            }
            if (ownerAccount.equals(account)) {
                return new Check(account, false, "the application and the schema owner are the same account;"
                        + " give the application an account of its own (SUIJIN_DB_USER)");
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : tables) {
                String rights = APPEND_ONLY.contains(table) ? "SELECT, INSERT"
                        : READ_ONLY.contains(table) ? "SELECT" : "SELECT, INSERT, UPDATE, DELETE";
                s.execute("GRANT " + rights + " ON " + quote(table) + " TO " + grantee);
            }
        }
        return check(application, account);
    }

    /** Reads the application's own grants: any server-wide right, or a schema-wide one beyond SELECT, is too wide. */
    private static Check check(DataSource application, String account) throws SQLException {
        try (Connection app = application.getConnection(); Statement s = app.createStatement();
                ResultSet r = s.executeQuery("SHOW GRANTS")) {
            String schema = "`" + app.getCatalog().toUpperCase(Locale.ROOT) + "`";
            while (r.next()) {
                String grant = r.getString(1);
                String upper = grant.toUpperCase(Locale.ROOT);
                if (upper.startsWith("GRANT USAGE ON") || upper.startsWith("GRANT PROXY") || !upper.startsWith("GRANT ")
                        || !upper.contains(" ON ")) {
                    continue;
                }
                String privileges = upper.substring("GRANT ".length(), upper.indexOf(" ON "));
                // reading the whole schema (needed to connect before the first grant) is fine; more is not
                boolean wide = upper.contains(" ON *.* ")
                        || upper.contains(" ON " + schema + ".* ") && !privileges.equals("SELECT");
                boolean touchesAudit = APPEND_ONLY.stream().anyMatch(t -> upper.contains("`" + t.toUpperCase(Locale.ROOT) + "`"))
                        && (upper.contains("UPDATE") || upper.contains("DELETE") || upper.contains("ALL PRIVILEGES")
                        || upper.contains("DROP") || upper.contains("ALTER"));
                if (wide || touchesAudit) {
                    return new Check(account, false, "it holds " + grant.replaceAll(" IDENTIFIED BY .*", "")
                            + "; revoke it (the application grants itself what it needs)");
                }
            }
        }
        return new Check(account, true, null);
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
