package jp.suijin.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.suijin.demo.DemoCredentials;

/** Starts the parts in order and stops the ones it started, in reverse, exactly once. */
final class Launcher implements AutoCloseable {

    static final String DEMO_ORGANISATION = "demo";
    private static final String DATABASE = "suijin";

    private final Settings settings;
    private final Path logs;
    private final Path secrets;
    private final AtomicBoolean closed = new AtomicBoolean();
    private EmbeddedMariaDb embeddedDb;
    private MailCatcher mail;
    private PayaraDomain domain;
    private boolean domainStarted;
    private Simulator simulator;
    private String dbUrl;
    private String dbUser;
    private String dbPassword;
    private String dbOwnerUser;
    private String dbOwnerPassword;
    private DemoCredentials demo;

    Launcher(Settings settings) {
        this.settings = settings;
        this.logs = settings.dataDir().resolve("logs");
        this.secrets = settings.dataDir().resolve("secrets");
    }

    synchronized void start() {
        createDirectories();
        checkPorts();
        startDatabase();
        say("Starting the mail catcher (SMTP 127.0.0.1:" + settings.smtpPort() + ")…");
        mail = MailCatcher.start(settings.smtpPort(), settings.mailViewerPort());
        startDomain();
        deploy();
        awaitOperatorPages();
        if (settings.simulate()) {
            simulator = Simulator.forOrganisation(dbUrl, dbUser, dbPassword, DEMO_ORGANISATION, settings.devicePort(),
                    demo::deviceToken);
            simulator.start();
        }
    }

    void printReady() {
        System.out.println();
        System.out.println("Suijin is ready: " + settings.operatorUrl());
        System.out.println("  Demo logins (password for each: " + demo.password() + "): " + demoLogins());
        System.out.println("  Mails the service sends: http://localhost:" + settings.mailViewerPort() + "/");
        System.out.println("  Device API (closed-network listener): http://127.0.0.1:" + settings.devicePort()
                + "/api/device/v1/samples" + (simulator == null ? "" : " (simulator: " + simulator.deviceCount()
                + " devices, " + simulator.pointCount() + " points every " + Simulator.PERIOD.toSeconds() + " s"
                + (simulator.catchesUp() ? "; first posting " + Simulator.HISTORY_DAYS + " days of history" : "") + ")"));
        System.out.println("  Payara admin console (this machine only): http://localhost:" + domain.adminPort()
                + "/  user " + PayaraDomain.ADMIN_USER + ", password in " + domain.passwordFile()
                + " (asadmin --user " + PayaraDomain.ADMIN_USER + " --passwordfile " + domain.passwordFile() + ")");
        System.out.println("  Data: " + settings.dataDir() + "   Server log: " + domain.serverLog());
        System.out.println("Press Ctrl-C to stop.");
    }

    private void createDirectories() {
        try {
            Files.createDirectories(logs);
            Files.createDirectories(secrets, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new LaunchException("Cannot create the data directory " + settings.dataDir() + ": " + e.getMessage());
        }
    }

    private void checkPorts() {
        Ports.requireFree(settings.httpPort(), "operator HTTP", "--http-port");
        Ports.requireFree(settings.httpsPort(), "operator HTTPS", "--https-port");
        Ports.requireFree(settings.devicePort(), "the device API", "--device-port");
        Ports.requireFree(settings.smtpPort(), "the mail catcher's SMTP", "--smtp-port");
        Ports.requireFree(settings.mailViewerPort(), "the mail catcher's page", "--mail-port");
        for (int offset : new int[] {48, 37, 38, 39, 66, 76, 86}) {
            Ports.requireFree(settings.portBase() + offset, "Payara (admin and internal ports)", "--port-base");
        }
        if (settings.embeddedDb()) {
            Ports.requireFree(settings.embeddedDbPort(), "the embedded MariaDB", "--db-port");
        }
    }

    private void startDatabase() {
        if (settings.embeddedDb()) {
            say("Starting the embedded MariaDB on 127.0.0.1:" + settings.embeddedDbPort() + " (first start unpacks it, ~30 s)…");
            embeddedDb = EmbeddedMariaDb.start(settings.dataDir().resolve("mariadb"), settings.embeddedDbPort());
            dbUser = settings.dbUser();
            dbPassword = secret("db-password");
            dbOwnerUser = settings.dbOwnerUser();
            dbOwnerPassword = secret("db-owner-password");
            embeddedDb.ensureDatabase(DATABASE, dbOwnerUser, dbOwnerPassword, dbUser, dbPassword);
            dbUrl = embeddedDb.url(DATABASE);
            return;
        }
        dbUrl = settings.dbUrl();
        dbUser = settings.dbUser();
        dbPassword = settings.dbPassword();
        dbOwnerUser = settings.dbOwnerUser();
        dbOwnerPassword = settings.dbOwnerPassword();
        say("Using MariaDB at " + dbUrl + " as " + dbUser + " (schema owner " + dbOwnerUser + ")…");
        for (String[] account : new String[][] {{dbUser, dbPassword}, {dbOwnerUser, dbOwnerPassword}}) {
            try (Connection c = DriverManager.getConnection(dbUrl + (dbUrl.contains("?") ? "&" : "?")
                    + "connectTimeout=5000", account[0], account[1])) {
                c.isValid(5);
            } catch (SQLException e) {
                throw new LaunchException("Cannot connect to MariaDB at " + dbUrl + " as " + account[0] + ": "
                        + e.getMessage());
            }
        }
    }

    private void startDomain() {
        Path payara = settings.home().resolve("launcher/target/payara6");
        domain = new PayaraDomain(payara, settings.dataDir().resolve("payara"), "suijin", settings.portBase(),
                logs.resolve("launcher.log"), secrets.resolve("admin-password"));
        if (!domain.exists()) {
            say("Creating the Payara Server domain (once)…");
            domain.create(settings.portBase());
        }
        say("Starting Payara Server (admin port " + domain.adminPort() + ")…");
        // set first: a stop during start-up must still stop it (stopping a stopped domain is harmless)
        domainStarted = true;
        domain.start();
        say("Applying domain-config/…");
        domain.applyConfig(settings.home().resolve("domain-config"), Map.ofEntries(
                Map.entry("SUIJIN_DB_URL", dbUrl),
                Map.entry("SUIJIN_DB_USER", dbUser),
                Map.entry("SUIJIN_DB_PASSWORD", dbPassword),
                Map.entry("SUIJIN_DB_OWNER_USER", dbOwnerUser),
                Map.entry("SUIJIN_DB_OWNER_PASSWORD", dbOwnerPassword),
                // kept beside the other secrets, so domain-config/verify-audit.sh can check the chains too
                Map.entry("SUIJIN_AUDIT_KEY", secret("audit-key", 32, Base64.getEncoder())),
                Map.entry("SUIJIN_HTTP_PORT", String.valueOf(settings.httpPort())),
                Map.entry("SUIJIN_HTTPS_PORT", String.valueOf(settings.httpsPort())),
                Map.entry("SUIJIN_DEVICE_PORT", String.valueOf(settings.devicePort())),
                Map.entry("SUIJIN_DEVICE_ADDRESS", "127.0.0.1"),
                // the simulator posts on this machine's loopback only
                Map.entry("SUIJIN_DEVICE_TLS", "false"),
                Map.entry("SUIJIN_OPERATOR_URL", settings.operatorUrl()),
                Map.entry("SUIJIN_MAIL_HOST", "127.0.0.1"),
                Map.entry("SUIJIN_MAIL_PORT", String.valueOf(settings.smtpPort()))));
        try {
            demo = DemoCredentials.readOrCreate(secrets.resolve("demo.properties"));
        } catch (IOException e) {
            throw new LaunchException("Cannot create the demo secrets in " + secrets + ": " + e.getMessage());
        }
        // only this run domain loads demo data; domain-config (production) never sets it
        domain.admin("create-system-properties", DemoCredentials.FILE_PROPERTY + "="
                + secrets.resolve("demo.properties").toString().replace(":", "\\:"));
    }

    /** Deploys the EAR unless this very EAR is already deployed (restarts are quick). */
    private void deploy() {
        Path ear = settings.home().resolve("ear/target/suijin.ear");
        if (!Files.isRegularFile(ear)) {
            throw new LaunchException(ear + " not found: build first (mvn -DskipTests install)");
        }
        if (domain.hasApplication("suijin")) {
            awaitDeployedCopy();
        }
        Path marker = settings.dataDir().resolve("payara/deployed-ear.sha256");
        try {
            String hash = sha256(ear);
            boolean deployed = domain.admin("list-applications").lines().anyMatch(l -> l.startsWith("suijin "));
            if (deployed && Files.exists(marker) && Files.readString(marker).equals(hash)) {
                say("Suijin is already deployed (unchanged EAR).");
                return;
            }
            if (deployed) {
                // undeploy first: "deploy --force" over the copy the server started with left the new
                // copy with a closed EntityManagerFactory (EclipseLink, persistence unit in EAR lib/)
                domain.admin("undeploy", "suijin");
            }
            say("Deploying " + settings.home().relativize(ear) + " (migrates the schema, loads demo data once)…");
            domain.deploy(ear, "suijin");
            Files.writeString(marker, hash);
        } catch (IOException e) {
            throw new LaunchException("Cannot read " + ear + ": " + e.getMessage());
        }
    }

    /**
     * The server loads the copy deployed before after start-domain has returned; undeploying or
     * deploying while it loads breaks the web container. Waits until that copy answers or failed.
     */
    private void awaitDeployedCopy() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI login = URI.create(settings.operatorUrl() + "login.xhtml");
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && !domain.logSinceLastStart().contains("Exception while loading the app")) {
            try {
                try {
                    if (client.send(HttpRequest.newBuilder(login).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not answering yet: asked again below
                }
                TimeUnit.MILLISECONDS.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("Interrupted while Payara Server was loading Suijin");
            }
        }
    }

    private void awaitOperatorPages() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI login = URI.create(settings.operatorUrl() + "login.xhtml");
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        int status = -1;
        while (System.nanoTime() < deadline) {
            try {
                status = client.send(HttpRequest.newBuilder(login).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("interrupted while waiting for the operator pages");
            }
            pause();
        }
        throw new LaunchException("The operator pages at " + login + " did not answer 200 (last: " + status
                + "); see " + domain.serverLog());
    }

    private String demoLogins() {
        List<String> logins = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
                PreparedStatement ps = c.prepareStatement("SELECT u.login_id, u.role FROM app_user u"
                        + " JOIN organisation o ON o.id = u.organisation_id WHERE o.code = ? ORDER BY FIELD(u.role, 'ADMIN', 'OPERATOR', 'VIEWER'), u.login_id")) {
            ps.setString(1, DEMO_ORGANISATION);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    logins.add(rs.getString(1) + " (" + rs.getString(2) + ")");
                }
            }
        } catch (SQLException e) {
            return "(could not read them: " + e.getMessage() + ")";
        }
        return String.join(", ", logins);
    }

    /** A random secret kept in an owner-only file, created on first use. */
    private String secret(String name) {
        return secret(name, 24, Base64.getUrlEncoder().withoutPadding());
    }

    private String secret(String name, int length, Base64.Encoder encoder) {
        Path file = secrets.resolve(name);
        try {
            if (!Files.exists(file)) {
                byte[] bytes = new byte[length];
                new SecureRandom().nextBytes(bytes);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, encoder.encodeToString(bytes));
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new LaunchException("Cannot keep the secret " + file + ": " + e.getMessage());
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void say(String line) {
        System.out.println(line);
    }

    /** Runs from the shutdown hook too; waits for a start in progress, so nothing starts after it. */
    @Override
    public synchronized void close() {
        if (!closed.compareAndSet(false, true) || (embeddedDb == null && mail == null && !domainStarted)) {
            return;
        }
        say("Stopping Suijin…");
        if (simulator != null) {
            simulator.close();
        }
        if (domainStarted) {
            try {
                domain.stop();
            } catch (LaunchException e) {
                System.err.println(e.getMessage());
            }
        }
        if (mail != null) {
            mail.close();
        }
        if (embeddedDb != null) {
            embeddedDb.close();
        }
        say("Stopped.");
    }
}
