package jp.suijin.it.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.suijin.it.IntegrationTest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The cost of auditing on the device ingest path (not part of the test run; see README): the demo
 * organisation's devices post batches through the real device API from {@value #THREADS}
 * concurrent clients, in alternating phases with auditing on (interceptor record and access record
 * for every request) and off (the baseline, possible on test domains only), on the same server and
 * database. Prints samples/s per phase and the ratio on/off; writes it/target/benchmarks/audit-cost.txt.
 *
 * <pre>mvn verify -Dit.test=AuditCostBenchmark</pre>
 */
class AuditCostBenchmark extends IntegrationTest {

    static final int THREADS = 8;
    static final int TIMES_PER_BATCH = 20;
    static final Duration WARM_UP = Duration.ofSeconds(30);
    static final Duration PHASE = Duration.ofSeconds(15);
    static final int ROUNDS = 4;
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AuditProbe.deployment();
    }

    private record Device(String code, String token, List<String[]> points, AtomicLong block) {
    }

    @Test
    void ingestWithAuditingAgainstWithout() throws Exception {
        List<Device> devices = devices();
        Instant base = Instant.now().minus(Duration.ofDays(6)).truncatedTo(ChronoUnit.SECONDS);
        run(devices, base, WARM_UP, true);
        List<double[]> rounds = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            // on-off, then off-on: a server still warming up favours neither side
            boolean onFirst = r % 2 == 0;
            double first = run(devices, base, PHASE, onFirst);
            double second = run(devices, base, PHASE, !onFirst);
            rounds.add(onFirst ? new double[] {first, second} : new double[] {second, first});
        }
        AuditProbe.post("audit?mode=on");

        double on = rounds.stream().mapToDouble(x -> x[0]).average().orElseThrow();
        double off = rounds.stream().mapToDouble(x -> x[1]).average().orElseThrow();
        StringBuilder report = new StringBuilder("Audit cost on device ingest (" + THREADS + " concurrent clients, "
                + devices.size() + " devices, " + TIMES_PER_BATCH + " times x all points per batch, "
                + PHASE.toSeconds() + " s phases, on/off and off/on alternating after " + WARM_UP.toSeconds() + " s warm-up)\n");
        for (int r = 0; r < rounds.size(); r++) {
            report.append(String.format("  round %d: audit on %,10.0f samples/s   audit off %,10.0f samples/s%n", r + 1,
                    rounds.get(r)[0], rounds.get(r)[1]));
        }
        report.append(String.format("  mean:    audit on %,10.0f samples/s   audit off %,10.0f samples/s%n", on, off));
        report.append(String.format("  ratio on/off: %.3f (target >= 0.9)%n", on / off));
        System.out.print(report);
        Path out = Path.of("target", "benchmarks", "audit-cost.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertTrue(on > 0 && off > 0, "no sample was accepted: " + report);
    }

    /** One phase: samples accepted per second. */
    private double run(List<Device> devices, Instant base, Duration length, boolean audit) throws Exception {
        AuditProbe.post("audit?mode=" + (audit ? "on" : "off"));
        AtomicLong accepted = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Device device = devices.get(t % devices.size());
            clients.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    accepted.addAndGet(post(device, base));
                }
                return null;
            }));
        }
        long started = System.nanoTime();
        for (Future<?> f : clients) {
            f.get();
        }
        pool.shutdown();
        return accepted.get() / ((System.nanoTime() - started) / 1e9);
    }

    private long post(Device device, Instant base) throws IOException, InterruptedException {
        long block = device.block().getAndIncrement();
        StringBuilder json = new StringBuilder(8192).append("{\"device\":\"").append(device.code()).append("\",\"samples\":[");
        String sep = "";
        for (int j = 0; j < TIMES_PER_BATCH; j++) {
            long second = block * TIMES_PER_BATCH + j;
            String time = base.plusSeconds(second).toString();
            for (String[] p : device.points()) {
                String value = switch (p[1]) {
                    case "STATE" -> "0";
                    case "COUNTER" -> String.valueOf(second);
                    default -> p[2];
                };
                json.append(sep).append("{\"point\":\"").append(p[0]).append("\",\"time\":\"").append(time)
                        .append("\",\"value\":").append(value).append('}');
                sep = ",";
            }
        }
        json.append("]}");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(stack().deviceUrl("api/device/v1/samples"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + device.token())
                .POST(HttpRequest.BodyPublishers.ofString(json.toString())).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCEPTED.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("device " + device.code() + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return Long.parseLong(m.group(1));
    }

    private static List<Device> devices() throws Exception {
        Map<String, List<String[]>> points = new LinkedHashMap<>();
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT d.code, p.code, p.kind,"
                + " COALESCE((p.range_low + p.range_high) / 2, 1) FROM organisation o JOIN facility f ON f.organisation_id = o.id"
                + " JOIN field_device d ON d.facility_id = f.id JOIN measurement_point p ON p.device_id = d.id"
                + " WHERE o.code = 'demo' AND d.enabled AND p.enabled ORDER BY d.code, p.code")) {
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    points.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                            .add(new String[] {r.getString(2), r.getString(3), String.valueOf(r.getDouble(4))});
                }
            }
        }
        List<Device> devices = new ArrayList<>();
        points.forEach((code, list) -> devices.add(new Device(code, stack().demo().deviceToken(code), list, new AtomicLong())));
        assertTrue(!devices.isEmpty(), "the demo organisation has no devices");
        return devices;
    }
}
