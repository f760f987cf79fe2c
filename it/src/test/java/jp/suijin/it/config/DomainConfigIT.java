package jp.suijin.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import jp.suijin.it.SuijinStackExtension;
import jp.suijin.it.TestStack;
import jp.suijin.launcher.LaunchException;
import jp.suijin.launcher.PayaraDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** domain-config/ against the test domain it already configured once. */
@ExtendWith(SuijinStackExtension.class)
class DomainConfigIT {

    @Test
    void keepsTheDatabasePasswordInAnAliasAndCreatesTheDeviceListener() throws Exception {
        TestStack stack = SuijinStackExtension.stack();
        Path domainXml = stack.domain().serverLog().getParent().getParent().resolve("config/domain.xml");

        String password = stack.domain().admin("get", "resources.jdbc-connection-pool.SuijinPool.property.password");

        assertTrue(password.contains("${ALIAS=suijin-db-password}"), password);
        assertFalse(Files.readString(domainXml).contains(stack.dbPassword()), "the DB password is in domain.xml");
        assertTrue(stack.domain().admin("list-network-listeners").contains("device-listener"));
        assertTrue(stack.domain().admin("ping-connection-pool", "SuijinPool").contains("executed successfully"));
    }

    @Test
    void keepsTheAuditKeyAndOwnerPasswordInAliasesAndRefusesRetentionsUnderAYear() {
        TestStack stack = SuijinStackExtension.stack();
        String aliases = stack.domain().admin("list-password-aliases");
        assertTrue(aliases.contains("suijin-audit-key") && aliases.contains("suijin-db-owner-password"), aliases);
        assertTrue(stack.domain().admin("ping-connection-pool", "SuijinOwnerPool").contains("executed successfully"));

        LaunchException refused = assertThrows(LaunchException.class,
                () -> stack.applyConfigWith(Map.of("SUIJIN_AUDIT_RETENTION_DAYS", "364")));
        assertTrue(refused.getMessage().contains("SUIJIN_AUDIT_RETENTION_DAYS=364"), refused.getMessage());
        assertTrue(refused.getMessage().contains("at least 365 days"), refused.getMessage());
        LaunchException raw = assertThrows(LaunchException.class,
                () -> stack.applyConfigWith(Map.of("SUIJIN_RAW_RETENTION_DAYS", "100")));
        assertTrue(raw.getMessage().contains("SUIJIN_RAW_RETENTION_DAYS=100: raw samples are kept at least 366 days"),
                raw.getMessage());
        LaunchException rollups = assertThrows(LaunchException.class,
                () -> stack.applyConfigWith(Map.of("SUIJIN_ROLLUP_RETENTION_DAYS", "700")));
        assertTrue(rollups.getMessage().contains("SUIJIN_ROLLUP_RETENTION_DAYS=700"), rollups.getMessage());
        LaunchException late = assertThrows(LaunchException.class,
                () -> stack.applyConfigWith(Map.of("SUIJIN_LATE_WINDOW_DAYS", "0")));
        assertTrue(late.getMessage().contains("must be 1 to 90 days"), late.getMessage());
        LaunchException mails = assertThrows(LaunchException.class,
                () -> stack.applyConfigWith(Map.of("SUIJIN_ALARM_MAILS_PER_MINUTE", "many")));
        assertTrue(mails.getMessage().contains("SUIJIN_ALARM_MAILS_PER_MINUTE=many"), mails.getMessage());
        LaunchException shared = assertThrows(LaunchException.class,
                () -> stack.applyConfigWith(Map.of("SUIJIN_DB_OWNER_USER", "suijin_test_app", "SUIJIN_DB_USER", "suijin_test_app")));
        assertTrue(shared.getMessage().contains("needs an account of its own"), shared.getMessage());
        assertTrue(stack.domain().admin("list-system-properties").contains("suijin.audit.retention-days=365"));
    }

    @Test
    void theDeviceListenerServesHttpsWithTheDomainsCertificateWhenTlsIsOn() throws Exception {
        TestStack stack = SuijinStackExtension.stack();
        URI device = stack.deviceUrl("api/device/v1/samples");
        URI https = URI.create(device.toString().replace("http://", "https://"));
        HttpClient trusting = HttpClient.newBuilder().sslContext(domainTrust(stack)).connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            stack.applyConfigWith(Map.of("SUIJIN_DEVICE_TLS", "true"));
            HttpResponse<String> secured = trusting.send(HttpRequest.newBuilder(https).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(secured.sslSession().isPresent(), "answered over TLS");
            assertTrue(secured.sslSession().get().getProtocol().matches("TLSv1\\.[23]"),
                    secured.sslSession().get().getProtocol());
            assertThrows(IOException.class, () -> plain.send(HttpRequest.newBuilder(device).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()),
                    "plain HTTP on the TLS listener");
        } finally {
            stack.applyConfigWith(Map.of());
        }
        HttpResponse<String> again = plain.send(HttpRequest.newBuilder(device).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(again.sslSession().isEmpty() && again.statusCode() > 0, "plain HTTP again with TLS off");

        LaunchException refused = assertThrows(LaunchException.class,
                () -> stack.applyConfigWith(Map.of("SUIJIN_DEVICE_TLS", "yes")));
        assertTrue(refused.getMessage().contains("SUIJIN_DEVICE_TLS=yes"), refused.getMessage());
    }

    /** Trusts the test domain's own (self-signed) certificate, as a device configured for it would. */
    static SSLContext domainTrust(TestStack stack) throws Exception {
        Path cacerts = stack.domain().serverLog().getParent().getParent().resolve("config/cacerts.p12");
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(cacerts)) {
            trusted.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }

    /** Everything is in MariaDB: the H2 database a new Payara domain brings is gone, timers included. */
    @Test
    void theDomainHasNoEmbeddedDatabase() {
        TestStack stack = SuijinStackExtension.stack();
        String pools = stack.domain().admin("list-jdbc-connection-pools");
        String resources = stack.domain().admin("list-jdbc-resources");
        assertFalse(pools.contains("H2Pool") || pools.contains("__TimerPool"), pools);
        assertFalse(resources.contains("jdbc/__default") || resources.contains("jdbc/__TimerPool"), resources);
        assertFalse(stack.domain().admin("list-jvm-options").contains("org.h2"));
        assertTrue(stack.domain().admin("get", "configs.config.server-config.ejb-container.ejb-timer-service.ejb-timer-service")
                .contains("=DataGrid"));
        assertTrue(pools.contains("SuijinPool"), pools);
    }

    @Test
    void applyingASecondTimeSucceedsAndChangesNothing() {
        TestStack stack = SuijinStackExtension.stack();
        String before = stack.domain().admin("get", "resources.*");

        // PayaraDomain fails on any failed asadmin command, so this alone shows the run was clean
        stack.reapplyConfig();

        assertEquals(before, stack.domain().admin("get", "resources.*"));
        assertTrue(stack.domain().admin("ping-connection-pool", "SuijinPool").contains("executed successfully"));
    }

    /** The admin REST API answers nobody without the admin password (anonymous deploys were possible). */
    @Test
    void theAdminApiRefusesRequestsWithoutCredentials() throws Exception {
        TestStack stack = SuijinStackExtension.stack();
        URI applications = URI.create("http://127.0.0.1:" + stack.domain().adminPort() + "/management/domain/applications/application");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(applications).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> admin = client.send(HttpRequest.newBuilder(applications).header("Accept", "application/json")
                .header("Authorization", basic(PayaraDomain.ADMIN_USER, stack.domain().adminPassword()))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals(200, admin.statusCode(), "the same request with the admin password");
    }

    /**
     * The admin listener listens on 127.0.0.1 only: read from the kernel's table of listening sockets
     * (no traffic to any other address), and from the domain's configuration.
     */
    @Test
    void theAdminListenerListensOnLoopbackOnly() throws Exception {
        TestStack stack = SuijinStackExtension.stack();
        int port = stack.domain().adminPort();

        List<String> addresses = listeningAddresses(port);

        assertFalse(addresses.isEmpty(), "nothing listens on the admin port " + port);
        assertTrue(addresses.stream().allMatch(a -> a.equals("127.0.0.1")), "admin port " + port + " listens on " + addresses);
        assertTrue(stack.domain().admin("get", "configs.config.server-config.network-config.network-listeners.network-listener"
                + ".admin-listener.address").contains("address=127.0.0.1"));
        // a listener the test stack opens for everyone, read the same way, so the reading itself is checked
        assertTrue(listeningAddresses(stack.devicePort()).contains("127.0.0.1"), "device listener not read");
    }

    /**
     * apply.sh refuses a domain whose admin user has an empty password; a start of such a domain (a
     * data directory of an earlier ./run) gives it the password file's password.
     */
    @Test
    void applyRefusesADomainWithoutAdminPasswordAndAStartGivesItOne() throws Exception {
        TestStack stack = SuijinStackExtension.stack();
        changeAdminPassword(stack, stack.domain().adminPassword(), "");
        try {
            assertTrue(stack.domain().answersAnonymousAdministration(), "the password was not emptied");

            LaunchException refused = assertThrows(LaunchException.class, stack::reapplyConfig);

            assertTrue(refused.getMessage().contains("the domain's admin user has an empty password: set one"
                    + " (asadmin change-admin-password)"), refused.getMessage());
        } finally {
            stack.domain().requireAdminPassword();
        }
        assertFalse(stack.domain().answersAnonymousAdministration(), "the password was not set again");
        assertTrue(stack.domain().admin("list-applications").contains("executed successfully"));
    }

    /** Local addresses (dotted IPv4, or IPv6 hex) of the sockets listening on this port, from /proc/net/tcp and tcp6. */
    private static List<String> listeningAddresses(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                if (!"0A".equals(fields[3]) || Integer.parseInt(local[1], 16) != port) {
                    continue;
                }
                addresses.add(address(local[0]));
            }
        }
        return addresses;
    }

    /** The kernel writes addresses as 32-bit words in host (little-endian) order; IPv4-mapped IPv6 is read as IPv4. */
    private static String address(String hex) {
        if (hex.length() == 32 && hex.startsWith("0000000000000000FFFF0000")) {
            hex = hex.substring(24);
        }
        if (hex.length() != 8) {
            return hex;
        }
        StringBuilder dotted = new StringBuilder();
        for (int i = 6; i >= 0; i -= 2) {
            dotted.append(Integer.parseInt(hex.substring(i, i + 2), 16)).append(i > 0 ? "." : "");
        }
        return dotted.toString();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** asadmin change-admin-password, as an administrator would run it. */
    private static void changeAdminPassword(TestStack stack, String from, String to) throws Exception {
        Path file = Files.createTempFile("suijin-it-admin", ".tmp");
        try {
            Files.writeString(file, "AS_ADMIN_PASSWORD=" + from + "\nAS_ADMIN_NEWPASSWORD=" + to + "\n");
            Process p = new ProcessBuilder(stack.domain().asadmin().toString(), "--user", PayaraDomain.ADMIN_USER,
                    "--passwordfile", file.toString(), "--port", String.valueOf(stack.domain().adminPort()),
                    "--interactive=false", "change-admin-password").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
        } finally {
            Files.delete(file);
        }
    }
}
