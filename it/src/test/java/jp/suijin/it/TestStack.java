package jp.suijin.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import jp.suijin.demo.DemoCredentials;
import jp.suijin.launcher.EmbeddedMariaDb;
import jp.suijin.launcher.MailCatcher;
import jp.suijin.launcher.PayaraDomain;
import jp.suijin.time.SuijinClock;

/**
 * What every integration test runs against, started once per test run: a MariaDB (embedded, or the
 * server named by SUIJIN_TEST_DB_URL with the schema owner SUIJIN_TEST_DB_USER / _PASSWORD and the
 * application's account SUIJIN_TEST_DB_APP_USER / _APP_PASSWORD, as CI does), GreenMail as the SMTP server,
 * and a Payara Server domain configured by the same domain-config/ files production uses. The
 * database is emptied at start, so every run begins from the same state.
 */
public final class TestStack implements AutoCloseable {

    /** Fixed per run, so the tests can verify the chains independently of the server. */
    private static final String AUDIT_KEY = randomKey();

    private final int portBase;
    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;
    private final String appUser;
    private final String appPassword;
    private final EmbeddedMariaDb embeddedDb;
    private final MailCatcher mail;
    private final PayaraDomain domain;
    private final DemoCredentials demo;
    private final Path home;
    private final Map<String, String> config;
    private DatabaseRelay relay;

    private TestStack(int portBase, String dbUrl, String dbUser, String dbPassword, String appUser, String appPassword,
            EmbeddedMariaDb embeddedDb, MailCatcher mail, PayaraDomain domain, DemoCredentials demo, Path home,
            Map<String, String> config) {
        this.portBase = portBase;
        this.dbUrl = dbUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.appUser = appUser;
        this.appPassword = appPassword;
        this.embeddedDb = embeddedDb;
        this.mail = mail;
        this.domain = domain;
        this.demo = demo;
        this.home = home;
        this.config = config;
    }

    static TestStack start() throws IOException {
        Path home = Path.of(System.getProperty("suijin.home")).toRealPath();
        Path work = Path.of(System.getProperty("suijin.it.work")).toAbsolutePath();
        int base = Integer.getInteger("suijin.it.portBase");

        EmbeddedMariaDb embedded = null;
        String url = System.getenv("SUIJIN_TEST_DB_URL");
        String user = System.getenv().getOrDefault("SUIJIN_TEST_DB_USER", "suijin_test");
        String password = System.getenv().getOrDefault("SUIJIN_TEST_DB_PASSWORD", "");
        String appUser = System.getenv().getOrDefault("SUIJIN_TEST_DB_APP_USER", "suijin_test_app");
        String appPassword = System.getenv().getOrDefault("SUIJIN_TEST_DB_APP_PASSWORD", "");
        if (url == null) {
            embedded = EmbeddedMariaDb.start(work.resolve("mariadb"), base + 306);
            password = randomPassword();
            appPassword = randomPassword();
            embedded.ensureDatabase("suijin_test", user, password, appUser, appPassword);
            url = embedded.url("suijin_test");
        }
        resetDatabase(url, user, password);
        // the domain's pools reach MariaDB through a relay a test can cut (DatabaseOutageIT)
        DatabaseRelay relay = DatabaseRelay.start(base + 307, url);

        MailCatcher mail = MailCatcher.start(base + 25, 0);
        PayaraDomain domain = new PayaraDomain(home.resolve("launcher/target/payara6"), work.resolve("payara"),
                "suijin-it", base, work.resolve("logs/asadmin.log"), work.resolve("admin-password"));
        if (domain.exists()) {
            // left running by an interrupted earlier run? (stopping a stopped domain is fine)
            domain.stop();
            // the chain heads the last run wrote out belong to its database, which is dropped below
            java.nio.file.Files.deleteIfExists(work.resolve("payara/suijin-it/suijin/audit-chain-head"));
        } else {
            domain.create(base);
        }
        domain.start();
        // for Arquillian's remote adapter (arquillian.xml), which deploys through the admin REST API
        System.setProperty("suijin.it.adminPassword", domain.adminPassword());
        // the database starts empty, so the audit chains start anew: with this run's key, which
        // apply.sh only sets where the alias is missing
        String aliases = domain.admin("list-password-aliases");
        if (aliases.contains("suijin-audit-key")) {
            domain.admin("delete-password-alias", "suijin-audit-key");
        }
        // and a DKIM key made by apply.sh, as on a new installation
        if (aliases.contains("suijin-dkim-key")) {
            domain.admin("delete-password-alias", "suijin-dkim-key");
        }
        Map<String, String> config = Map.ofEntries(
                Map.entry("SUIJIN_DB_URL", relay.url(url)),
                Map.entry("SUIJIN_DB_USER", appUser),
                Map.entry("SUIJIN_DB_PASSWORD", appPassword),
                Map.entry("SUIJIN_DB_OWNER_USER", user),
                Map.entry("SUIJIN_DB_OWNER_PASSWORD", password),
                Map.entry("SUIJIN_AUDIT_KEY", AUDIT_KEY),
                // the least the product allows, so the retention test can cross it with a moved clock
                Map.entry("SUIJIN_AUDIT_RETENTION_DAYS", "365"),
                // statistics a month longer than raw samples, so one moved clock can show both cuts
                Map.entry("SUIJIN_ROLLUP_RETENTION_DAYS", "760"),
                Map.entry("SUIJIN_HTTP_PORT", String.valueOf(base + 80)),
                Map.entry("SUIJIN_HTTPS_PORT", String.valueOf(base + 81)),
                Map.entry("SUIJIN_DEVICE_PORT", String.valueOf(base + 90)),
                Map.entry("SUIJIN_DEVICE_ADDRESS", "127.0.0.1"),
                // plain HTTP for the suites' device posts; DomainConfigIT switches HTTPS on and off
                Map.entry("SUIJIN_DEVICE_TLS", "false"),
                Map.entry("SUIJIN_OPERATOR_URL", "http://localhost:" + (base + 80) + "/"),
                Map.entry("SUIJIN_MAIL_HOST", "127.0.0.1"),
                Map.entry("SUIJIN_MAIL_PORT", String.valueOf(base + 25)));
        domain.applyConfig(home.resolve("domain-config"), config);
        Path demoFile = work.resolve("demo.properties");
        DemoCredentials demo = DemoCredentials.readOrCreate(demoFile);
        domain.admin("create-system-properties", DemoCredentials.FILE_PROPERTY + "=" + demoFile.toString().replace(":", "\\:")
                + ":" + SuijinClock.MOVABLE_PROPERTY + "=true");
        TestStack stack = new TestStack(base, url, user, password, appUser, appPassword, embedded, mail, domain, demo, home,
                config);
        stack.relay = relay;
        return stack;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private static String randomPassword() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return "it" + HexFormat.of().formatHex(random);
    }

    /** Drops and recreates the test database, so the application migrates it from scratch. */
    private static void resetDatabase(String url, String user, String password) {
        String database = URI.create(url.substring("jdbc:".length())).getPath().substring(1);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reset the test database at " + url + " as " + user + ": "
                    + e.getMessage(), e);
        }
    }

    /** As the schema owner, who may do anything (e.g. tamper with audit records as an intruder would). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(dbUrl, dbUser, dbPassword);
    }

    /** As the application's own account. */
    public Connection connectAsApplication() throws SQLException {
        return DriverManager.getConnection(dbUrl, appUser, appPassword);
    }

    /**
     * Runs domain-config/verify-audit.sh as an operator would, as the application's account;
     * returns its exit status and what it printed.
     */
    public Map.Entry<Integer, String> verifyAuditCommand() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("domain-config/verify-audit.sh").toString())
                .redirectErrorStream(true);
        pb.environment().putAll(Map.of("SUIJIN_DB_URL", dbUrl, "SUIJIN_DB_USER", appUser,
                "SUIJIN_DB_PASSWORD", appPassword, "SUIJIN_AUDIT_KEY", AUDIT_KEY));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return Map.entry(p.waitFor(), out);
    }

    /** The audit chain key the domain holds (password alias suijin-audit-key). */
    public byte[] auditKey() {
        return java.util.Base64.getDecoder().decode(AUDIT_KEY);
    }

    public String dbPassword() {
        return dbPassword;
    }

    public URI operatorUrl(String path) {
        return URI.create("http://localhost:" + (portBase + 80) + "/" + path);
    }

    public URI operatorHttpsUrl(String path) {
        return URI.create("https://localhost:" + (portBase + 81) + "/" + path);
    }

    public URI deviceUrl(String path) {
        return URI.create("http://127.0.0.1:" + (portBase + 90) + "/" + path);
    }

    public int devicePort() {
        return portBase + 90;
    }

    public int smtpPort() {
        return portBase + 25;
    }

    /** The relay between the domain's pools and MariaDB. */
    public DatabaseRelay dbRelay() {
        return relay;
    }

    public MailCatcher mail() {
        return mail;
    }

    public PayaraDomain domain() {
        return domain;
    }

    public DemoCredentials demo() {
        return demo;
    }

    /** Runs domain-config/apply.sh again with the settings the stack used. */
    public void reapplyConfig() {
        domain.applyConfig(home.resolve("domain-config"), config);
    }

    /** Runs domain-config/apply.sh with some settings changed (e.g. to see a wrong one refused). */
    public void applyConfigWith(Map<String, String> changes) {
        Map<String, String> changed = new java.util.HashMap<>(config);
        changed.putAll(changes);
        domain.applyConfig(home.resolve("domain-config"), changed);
    }

    @Override
    public void close() {
        domain.stop();
        relay.cut();
        mail.close();
        if (embeddedDb != null) {
            embeddedDb.close();
        }
    }
}
