package jp.suijin.it.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.audit.AuditITFixture;
import jp.suijin.it.audit.AuditProbe;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Ingest and trend figures of issue 5 (not part of the test run; see README), each with its baseline
 * measured in the same run on the same MariaDB:
 * <ul>
 * <li>ingest: the demo devices post batches through the real device API (HTTP, JSON, device
 * authentication, validation, audit, current values, rollup marks, alarm evaluation) from {@value #THREADS}
 * concurrent devices, against the same samples written by {@value #THREADS} threads as plain JDBC batch inserts
 * into the sample table, in alternating phases; an API phase's time includes the rollup job catching up
 * with the hours it marked;</li>
 * <li>trend: a year of one-minute samples of one point (525,600) drawn as a chart series by the trend
 * service in the server, against reading the same raw samples with plain JDBC in the server.</li>
 * </ul>
 * Writes it/target/benchmarks/telemetry.txt.
 *
 * <pre>mvn verify -Dit.test=TelemetryBenchmark</pre>
 */
class TelemetryBenchmark extends IntegrationTest {

    static final int THREADS = 8;
    static final int TIMES_PER_BATCH = 20;
    /** Long enough for the server's JIT to settle: after 20 s its compiler threads still took a third of the CPU. */
    static final Duration WARM_UP = Duration.ofSeconds(60);
    static final Duration PHASE = Duration.ofSeconds(15);
    static final int ROUNDS = 4;
    static final int TREND_REPEAT = 15;
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");
    private static final Pattern FIGURES = Pattern.compile(
            "trend_ms=([\\d.]+) buckets=(\\d+) source=(\\S+) raw_ms=([\\d.]+) rows=(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AuditProbe.deployment(TrendBenchmarkServlet.class);
    }

    /** {@code jdbc}: the baseline's own connection for this device's client, kept open as a pool would keep it. */
    private record Device(String code, String token, List<Object[]> points, AtomicLong block,
            AtomicReference<Connection> jdbc) {

        Device(String code, String token, List<Object[]> points) {
            this(code, token, points, new AtomicLong(), new AtomicReference<>());
        }

        Connection connection() throws Exception {
            if (jdbc.get() == null) {
                Connection c = stack().connectAsApplication();
                c.setAutoCommit(false);
                jdbc.set(c);
            }
            return jdbc.get();
        }
    }

    @Test
    void ingestAndTrendAgainstPlainJdbc() throws Exception {
        StringBuilder report = new StringBuilder();
        List<Device> devices = devices();
        try {
            ingest(devices, report);
        } finally {
            for (Device d : devices) {
                if (d.jdbc().get() != null) {
                    d.jdbc().get().close();
                }
            }
        }
        trend(report);
        System.out.print(report);
        Path out = Path.of("target", "benchmarks", "telemetry.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private void ingest(List<Device> devices, StringBuilder report) throws Exception {
        // separate windows inside the late window, so neither side meets the other's rows
        Instant apiBase = Instant.now().minus(Duration.ofDays(6)).truncatedTo(ChronoUnit.SECONDS);
        Instant jdbcBase = Instant.now().minus(Duration.ofDays(4)).truncatedTo(ChronoUnit.SECONDS);
        api(devices, WARM_UP, apiBase);
        phase(devices, WARM_UP.dividedBy(3), d -> insert(d, jdbcBase));
        List<Phase[]> rounds = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            boolean apiFirst = r % 2 == 0;
            Phase first = apiFirst ? api(devices, PHASE, apiBase) : phase(devices, PHASE, d -> insert(d, jdbcBase));
            Phase second = apiFirst ? phase(devices, PHASE, d -> insert(d, jdbcBase)) : api(devices, PHASE, apiBase);
            rounds.add(apiFirst ? new Phase[] {first, second} : new Phase[] {second, first});
        }
        double api = rounds.stream().mapToDouble(x -> x[0].rate()).average().orElseThrow();
        double apiWithout = rounds.stream().mapToDouble(x -> x[0].rateWithoutCatchUp()).average().orElseThrow();
        double jdbc = rounds.stream().mapToDouble(x -> x[1].rate()).average().orElseThrow();
        int perBatch = TIMES_PER_BATCH * devices.get(0).points().size();
        report.append("Ingest (" + THREADS + " concurrent clients, one per device, batches of "
                + TIMES_PER_BATCH + " times x all points of a device (" + perBatch + " samples for " + devices.get(0).code()
                + "), " + PHASE.toSeconds() + " s phases alternating after warm-up; the API's time includes bringing"
                + " the hourly and daily statistics up to date after its phase)\n");
        for (int r = 0; r < rounds.size(); r++) {
            Phase a = rounds.get(r)[0];
            report.append(String.format("  round %d: device API %,10.0f samples/s (statistics %4.1f s)   plain JDBC batch"
                    + " %,10.0f samples/s   ratio %.2f%n", r + 1, a.rate(), a.catchUpSeconds(), rounds.get(r)[1].rate(),
                    a.rate() / rounds.get(r)[1].rate()));
        }
        report.append(String.format("  mean:    device API %,10.0f samples/s                      plain JDBC batch"
                + " %,10.0f samples/s%n", api, jdbc));
        report.append(String.format("  ratio API/JDBC: %.2f (goal >= 0.5, and >= 20,000 samples/s); %.2f leaving the"
                + " statistics to catch up later%n", api / jdbc, apiWithout / jdbc));
        assertTrue(api > 0 && jdbc > 0, report.toString());
    }

    /** Samples written in a phase, its seconds, and the seconds statistics took to catch up after it. */
    private record Phase(long samples, double seconds, double catchUpSeconds) {

        double rate() {
            return samples / (seconds + catchUpSeconds);
        }

        double rateWithoutCatchUp() {
            return samples / seconds;
        }
    }

    /**
     * A phase through the device API, then the rollup job run until no hour is left marked: the
     * statistics are part of what storing samples costs, and left to the job's timer they would run
     * into the next phase, whichever side that is.
     */
    private Phase api(List<Device> devices, Duration length, Instant base) throws Exception {
        Phase posted = phase(devices, length, d -> post(d, base));
        long started = System.nanoTime();
        AuditProbe.post("rollups");
        return new Phase(posted.samples(), posted.seconds(), (System.nanoTime() - started) / 1e9);
    }

    /** One phase: samples written by all clients, and how long it took. */
    private Phase phase(List<Device> devices, Duration length, Client client) throws Exception {
        AtomicLong written = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> clients = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            Device device = devices.get(t % devices.size());
            clients.add(pool.submit((Callable<Void>) () -> {
                while (System.nanoTime() < end) {
                    written.addAndGet(client.write(device));
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        pool.shutdown();
        return new Phase(written.get(), (System.nanoTime() - started) / 1e9, 0);
    }

    @FunctionalInterface
    private interface Client {
        long write(Device device) throws Exception;
    }

    private long post(Device device, Instant base) throws Exception {
        long block = device.block().getAndIncrement();
        StringBuilder json = new StringBuilder(16384).append("{\"device\":\"").append(device.code()).append("\",\"samples\":[");
        String sep = "";
        for (int j = 0; j < TIMES_PER_BATCH; j++) {
            long second = block * TIMES_PER_BATCH + j;
            String time = base.plusSeconds(second).toString();
            for (Object[] p : device.points()) {
                json.append(sep).append("{\"point\":\"").append(p[1]).append("\",\"time\":\"").append(time)
                        .append("\",\"value\":").append(value(p, second)).append('}');
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

    /** The baseline: the same batch, straight into the sample table, one transaction per batch. */
    private long insert(Device device, Instant base) throws Exception {
        long block = device.block().getAndIncrement();
        LocalDateTime received = LocalDateTime.now(ZoneOffset.UTC);
        int rows = 0;
        Connection c = device.connection();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO sample"
                + " (point_id, sample_time, value, quality, received_at) VALUES (?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE point_id = point_id")) {
            for (int j = 0; j < TIMES_PER_BATCH; j++) {
                long second = block * TIMES_PER_BATCH + j;
                LocalDateTime time = LocalDateTime.ofInstant(base.plusSeconds(second), ZoneOffset.UTC);
                for (Object[] p : device.points()) {
                    insert.setLong(1, (Long) p[0]);
                    insert.setObject(2, time);
                    insert.setDouble(3, Double.parseDouble(value(p, second)));
                    insert.setInt(4, 0);
                    insert.setObject(5, received);
                    insert.addBatch();
                    rows++;
                }
            }
            insert.executeBatch();
            c.commit();
        }
        return rows;
    }

    private static String value(Object[] point, long second) {
        return switch ((String) point[2]) {
            case "STATE" -> "0";
            case "COUNTER" -> String.valueOf(second);
            default -> String.valueOf(point[3]);
        };
    }

    /**
     * One client per device, as the "N concurrent simulated devices" says and as devices work: a
     * device posts its batches one after the other. The demo's 4 devices get twins (same facility, points
     * and alarm definitions) up to {@value #THREADS}.
     */
    private static List<Device> devices() throws Exception {
        List<Device> demo = demoDevices();
        List<Device> devices = new ArrayList<>(demo);
        for (int i = 0; devices.size() < THREADS; i++) {
            devices.add(twin(demo.get(i % demo.size()), i / demo.size() + 2));
        }
        return devices;
    }

    private static Device twin(Device of, int number) throws Exception {
        String code = of.code() + "-" + number;
        String token = "bench-" + code + "-" + java.util.UUID.randomUUID();
        try (Connection c = stack().connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO field_device (facility_id, organisation_id, code, name, token_hash, created_at)"
                    + " SELECT facility_id, organisation_id, '" + code + "', CONCAT(name, ' " + number + "'), UNHEX(SHA2('"
                    + token + "', 256)), UTC_TIMESTAMP(3)"
                    + " FROM field_device WHERE code = '" + of.code() + "'");
            long device = id(c, "SELECT LAST_INSERT_ID()");
            s.executeUpdate("INSERT INTO measurement_point (facility_id, device_id, code, name, kind, unit, range_low,"
                    + " range_high, decimals, state_labels, display_order) SELECT p.facility_id, " + device + ", p.code,"
                    + " p.name, p.kind, p.unit, p.range_low, p.range_high, p.decimals, p.state_labels, p.display_order"
                    + " FROM measurement_point p JOIN field_device d ON d.id = p.device_id WHERE d.code = '" + of.code()
                    + "'");
            s.executeUpdate("INSERT INTO alarm_definition (point_id, hh_limit, hh_severity, h_limit, h_severity, l_limit,"
                    + " l_severity, ll_limit, ll_severity, deadband, on_delay_seconds, fault_states, state_severity,"
                    + " updated_at) SELECT t.id, a.hh_limit, a.hh_severity, a.h_limit, a.h_severity, a.l_limit, a.l_severity,"
                    + " a.ll_limit, a.ll_severity, a.deadband, a.on_delay_seconds, a.fault_states, a.state_severity,"
                    + " UTC_TIMESTAMP(3) FROM alarm_definition a JOIN measurement_point p ON p.id = a.point_id"
                    + " JOIN field_device d ON d.id = p.device_id JOIN measurement_point t ON t.device_id = " + device
                    + " AND t.code = p.code WHERE d.code = '" + of.code() + "'");
            List<Object[]> points = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT id, code, kind, COALESCE((range_low + range_high) / 2, 1)"
                    + " FROM measurement_point WHERE device_id = " + device + " ORDER BY code")) {
                while (r.next()) {
                    points.add(new Object[] {r.getLong(1), r.getString(2), r.getString(3), r.getDouble(4)});
                }
            }
            return new Device(code, token, points);
        }
    }

    private static List<Device> demoDevices() throws Exception {
        Map<String, List<Object[]>> points = new LinkedHashMap<>();
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT d.code, p.id, p.code, p.kind,"
                + " COALESCE((p.range_low + p.range_high) / 2, 1) FROM organisation o JOIN facility f ON f.organisation_id = o.id"
                + " JOIN field_device d ON d.facility_id = f.id JOIN measurement_point p ON p.device_id = d.id"
                + " WHERE o.code = 'demo' AND d.enabled AND p.enabled ORDER BY d.code, p.code")) {
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    points.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                            .add(new Object[] {r.getLong(2), r.getString(3), r.getString(4), r.getDouble(5)});
                }
            }
        }
        List<Device> devices = new ArrayList<>();
        points.forEach((code, list) -> devices.add(new Device(code, stack().demo().deviceToken(code), list)));
        assertTrue(!devices.isEmpty(), "the demo organisation has no devices");
        return devices;
    }

    private void trend(StringBuilder report) throws Exception {
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant from = to.minus(Duration.ofDays(365));
        long point = yearOfMinutes(from, to);
        long started = System.nanoTime();
        String hours = AuditProbe.post("rollups");
        double rollupSeconds = (System.nanoTime() - started) / 1e9;

        report.append("Trend (one point, one-minute samples; server time, median of " + TREND_REPEAT + ")\n");
        report.append(String.format("  statistics for the year's %s hours computed by the rollup job in %.1f s%n", hours,
                rollupSeconds));
        for (Duration range : List.of(Duration.ofDays(365), Duration.ofDays(30), Duration.ofDays(1))) {
            Matcher m = FIGURES.matcher(time(point, to.minus(range), to));
            assertTrue(m.find());
            double trendMs = Double.parseDouble(m.group(1));
            double rawMs = Double.parseDouble(m.group(4));
            report.append(String.format("  %3d days: trend service %7.1f ms (%s buckets from %s)   plain JDBC read of %s raw"
                    + " samples %7.1f ms   ratio %.3f%s%n", range.toDays(), trendMs, m.group(2), m.group(3), m.group(5),
                    rawMs, trendMs / rawMs, range.toDays() == 365 ? "   (goal <= 100 ms)" : ""));
            assertTrue(Long.parseLong(m.group(2)) > 0, "no bucket drawn");
        }
    }

    private String time(long point, Instant from, Instant to) throws Exception {
        String basic = Base64.getEncoder().encodeToString((AuditITFixture.ADMIN + ":" + AuditITFixture.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(stack().operatorUrl("audit-probe/bench/trend?point="
                + point + "&from=" + from + "&to=" + to + "&buckets=800&repeat=" + TREND_REPEAT))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /**
     * A point of the probe's organisation with one sample a minute over [from, to), written straight
     * into the table (the ingest figures are above), with every hour marked for the rollup job.
     */
    private static long yearOfMinutes(Instant from, Instant to) throws Exception {
        try (Connection c = stack().connect()) {
            c.setAutoCommit(false);
            long organisation = id(c, "SELECT id FROM organisation WHERE code = 'it-audit'");
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO facility (organisation_id, code, name, kind, created_at) VALUES (" + organisation
                        + ", 'BENCH', 'ベンチ配水池', 'DISTRIBUTION_RESERVOIR', UTC_TIMESTAMP(3))");
                long facility = id(c, "SELECT LAST_INSERT_ID()");
                s.executeUpdate("INSERT INTO field_device (facility_id, organisation_id, code, name, token_hash, created_at)"
                        + " VALUES (" + facility + ", " + organisation + ", 'BENCH-TM1', 'ベンチ子局', UNHEX(SHA2(UUID(), 256)),"
                        + " UTC_TIMESTAMP(3))");
                long device = id(c, "SELECT LAST_INSERT_ID()");
                s.executeUpdate("INSERT INTO measurement_point (facility_id, device_id, code, name, kind, unit, range_low,"
                        + " range_high, decimals) VALUES (" + facility + ", " + device
                        + ", 'LI-1', '配水池水位', 'ANALOG', 'm', 0, 6, 2)");
            }
            long point = id(c, "SELECT LAST_INSERT_ID()");
            LocalDateTime received = LocalDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO sample (point_id, sample_time, value, quality,"
                    + " received_at) VALUES (?, ?, ?, 0, ?)")) {
                int n = 0;
                for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
                    insert.setLong(1, point);
                    insert.setObject(2, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
                    insert.setDouble(3, 3 + 1.5 * Math.sin(t.getEpochSecond() / 43_200.0 * Math.PI));
                    insert.setObject(4, received);
                    insert.addBatch();
                    if (++n % 20_000 == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement pending = c.prepareStatement(
                    "INSERT INTO rollup_pending (point_id, hour_start) VALUES (?, ?)")) {
                for (Instant h = from; h.isBefore(to); h = h.plus(Duration.ofHours(1))) {
                    pending.setLong(1, point);
                    pending.setObject(2, LocalDateTime.ofInstant(h, ZoneOffset.UTC));
                    pending.addBatch();
                }
                pending.executeBatch();
            }
            c.commit();
            return point;
        }
    }

    private static long id(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
