package jp.suijin.persistence.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * The audit chains verified from the command line, outside the server (domain-config/verify-audit.sh):
 *
 * <pre>verify-audit.sh --db-url jdbc:mariadb://host/suijin --user suijin_app [--head-file DOMAIN/suijin/audit-chain-head]</pre>
 *
 * The password comes from SUIJIN_DB_PASSWORD or the file named by SUIJIN_DB_PASSWORD_FILE, the key
 * (Base64, as given to apply.sh) from SUIJIN_AUDIT_KEY or SUIJIN_AUDIT_KEY_FILE. Exit status: 0 both
 * chains verified, 1 a chain is broken (the first problem is named), 2 the command could not run.
 */
public final class VerifyAudit {

    private VerifyAudit() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String url = null;
        String user = null;
        Path headFile = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--db-url" -> url = value;
                case "--user" -> user = value;
                case "--head-file" -> headFile = value == null ? null : Path.of(value);
                default -> {
                    err.println("verify-audit: unknown option " + args[i]
                            + " (use --db-url URL --user NAME [--head-file FILE])");
                    return 2;
                }
            }
            i++;
        }
        if (url == null || user == null) {
            err.println("verify-audit: --db-url and --user are required");
            return 2;
        }
        try {
            String password = secret(env, "SUIJIN_DB_PASSWORD");
            String key = secret(env, "SUIJIN_AUDIT_KEY");
            if (password == null || key == null) {
                err.println("verify-audit: set SUIJIN_DB_PASSWORD(_FILE) and SUIJIN_AUDIT_KEY(_FILE)");
                return 2;
            }
            byte[] keyBytes;
            try {
                keyBytes = Base64.getDecoder().decode(key.strip());
            } catch (IllegalArgumentException e) {
                err.println("verify-audit: SUIJIN_AUDIT_KEY is not Base64");
                return 2;
            }
            Map<AuditChain, ChainVerifier.ChainHead> exported = heads(headFile);
            boolean ok = true;
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                ChainVerifier verifier = new ChainVerifier(keyBytes);
                for (AuditChain chain : AuditChain.values()) {
                    ChainVerification v = verifier.verify(c, chain, exported.get(chain));
                    out.println(v.summary());
                    ok &= v.ok();
                }
            }
            return ok ? 0 : 1;
        } catch (SQLException | IOException | RuntimeException e) {
            err.println("verify-audit: " + e.getMessage());
            return 2;
        }
    }

    private static String secret(Map<String, String> env, String name) throws IOException {
        String value = env.get(name);
        if (value != null && !value.isEmpty()) {
            return value;
        }
        String file = env.get(name + "_FILE");
        return file == null ? null : Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    }

    private static Map<AuditChain, ChainVerifier.ChainHead> heads(Path file) throws IOException {
        Map<AuditChain, ChainVerifier.ChainHead> heads = new EnumMap<>(AuditChain.class);
        if (file == null) {
            return heads;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            for (AuditChain chain : AuditChain.values()) {
                ChainVerifier.ChainHead head = ChainVerifier.ChainHead.parse(line, chain);
                if (head != null) {
                    heads.put(chain, head);
                }
            }
        }
        return heads;
    }
}
