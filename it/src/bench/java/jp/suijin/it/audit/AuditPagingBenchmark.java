package jp.suijin.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.PageClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Whether the access-log page stays fast on a big table (not part of the test run; see README):
 * the administrator's page and searches are timed on the almost empty table (the baseline), then
 * again after {@value #ROWS} access records over a year are added for two organisations. Prints
 * medians and their ratio to the baseline; writes it/target/benchmarks/audit-paging.txt. The added
 * rows carry no valid MACs, so run it on its own: {@code mvn verify -Dit.test=AuditPagingBenchmark}.
 */
class AuditPagingBenchmark extends IntegrationTest {

    static final int ROWS = Integer.getInteger("suijin.bench.rows", 10_000_000);
    static final int TRIES = 5;
    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AuditProbe.deployment();
    }

    @Test
    void theAccessLogPageOnTenMillionRows() throws Exception {
        PageClient admin = PageClient.signedIn(AuditITFixture.ADMIN, AuditITFixture.PASSWORD);
        Map<String, Double> baseline = measure(admin);

        long started = System.nanoTime();
        try (Connection db = stack().connect(); Statement s = db.createStatement()) {
            // a year of records, 9 in 10 for the test organisation, the rest for another; positions above the chain's
            s.execute("INSERT INTO access_record (seq, recorded_at, listener, organisation_id, principal, client_ip, method,"
                    + " path, query, status, bytes, duration_ms, user_agent, session_hash, prev_mac, mac)"
                    + " SELECT 1000000000 + s.seq, UTC_TIMESTAMP(3) - INTERVAL (s.seq * 31536 DIV " + (ROWS / 1000)
                    + ") SECOND, 'operator', IF(s.seq % 10 = 0, (SELECT id FROM organisation WHERE code = 'demo'), o.id),"
                    + " CONCAT('it-audit.u', s.seq % 12 + 1), CONCAT('10.0.', s.seq % 200, '.', s.seq % 250), 'GET',"
                    + " ELT(1 + s.seq % 3, '/app/dashboard.xhtml', '/app/account.xhtml', '/api/mobile/v1/facilities'), NULL,"
                    + " ELT(1 + s.seq % 6, 200, 200, 200, 302, 403, 404), 4096, 12, 'Mozilla/5.0', NULL, REPEAT('x', 32),"
                    + " REPEAT('x', 32) FROM seq_1_to_" + ROWS + " s JOIN organisation o ON o.code = '"
                    + AuditITFixture.ORGANISATION + "'");
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        Map<String, Double> big = measure(admin);

        StringBuilder report = new StringBuilder(String.format("Access-log page, median of %d, before and after adding"
                + " %,d records (%.0f s to add)%n", TRIES, ROWS, loadSeconds));
        for (String what : baseline.keySet()) {
            report.append(String.format("  %-44s %7.1f ms  -> %7.1f ms   ratio %.2f%n", what, baseline.get(what),
                    big.get(what), big.get(what) / baseline.get(what)));
        }
        System.out.print(report);
        Path out = Path.of("target", "benchmarks", "audit-paging.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertTrue(big.values().stream().allMatch(v -> v > 0), report.toString());
    }

    /** Median milliseconds of each page request an administrator makes. */
    private static Map<String, Double> measure(PageClient admin) throws Exception {
        Instant now = Instant.now();
        Map<String, Map<String, String>> searches = new LinkedHashMap<>();
        searches.put("a year, newest 50", range(now, Map.of()));
        searches.put("a year, one user", range(now, Map.of("principal", "it-audit.u7")));
        searches.put("a year, status 403", range(now, Map.of("status", "403")));
        searches.put("a year, one address (1 in 1,000)", range(now, Map.of("clientIp", "10.0.7.7")));
        searches.put("a year, an address never seen", range(now, Map.of("clientIp", "10.9.9.9")));
        searches.put("a year, a user never seen", range(now, Map.of("principal", "nobody")));
        Map<String, Double> medians = new LinkedHashMap<>();
        List<Double> first = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            long t = System.nanoTime();
            assertEquals(200, admin.get("app/admin/access.xhtml").statusCode());
            first.add((System.nanoTime() - t) / 1e6);
        }
        medians.put("open the page (last 24 hours)", median(first));
        for (Map.Entry<String, Map<String, String>> search : searches.entrySet()) {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < TRIES; i++) {
                admin.get("app/admin/access.xhtml");
                long t = System.nanoTime();
                HttpResponse<String> page = admin.submit("filter", "search", search.getValue());
                times.add((System.nanoTime() - t) / 1e6);
                assertEquals(200, page.statusCode());
            }
            medians.put(search.getKey(), median(times));
        }
        return medians;
    }

    private static Map<String, String> range(Instant now, Map<String, String> more) {
        Map<String, String> fields = new HashMap<>(more);
        fields.put("from_input", FIELD.format(now.minus(Duration.ofDays(366))));
        fields.put("to_input", FIELD.format(now.plus(Duration.ofHours(1))));
        fields.put("pageSize_input", "50");
        return fields;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
