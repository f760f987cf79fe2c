package jp.suijin.it.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import jp.suijin.it.Deployments;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.PageClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Report speed (not part of the test run; see README): a facility of the demo organisation with
 * {@value #POINTS} points and {@value #DAYS} days of hourly and daily statistics (inserted with
 * JDBC), then, as a signed-in viewer over HTTP, the daily report page of all points and its XLSX
 * export (goal: 1 s each), and the monthly report page; baseline: a plain JDBC SELECT of the same
 * day's hourly rows from the test. Medians of {@value #RUNS} runs after {@value #WARM_UP} warm-up
 * runs; written to it/target/benchmarks/report.txt.
 *
 * <pre>mvn verify -Dit.test=ReportBenchmark</pre>
 */
class ReportBenchmark extends IntegrationTest {

    static final int POINTS = 50;
    static final int DAYS = 31;
    static final int WARM_UP = 5;
    static final int RUNS = 15;
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @Test
    void dailyReportAndItsXlsxOfFiftyPoints() throws Exception {
        LocalDate last = LocalDate.now(JAPAN).minusDays(1);
        long facility = createFacility(last);
        PageClient viewer = PageClient.signedIn("demo.viewer", stack().demo().password());
        String daily = "app/reports.xhtml?facility=" + facility + "&kind=DAILY&date=" + last;
        String monthly = "app/reports.xhtml?facility=" + facility + "&kind=MONTHLY&date=" + last;
        String page = viewer.get(daily).body();
        assertEquals(POINTS, page.split("data-point=\"B-").length - 1, "every point is a column");

        Instant dayStart = last.atStartOfDay(JAPAN).toInstant();
        double baseline = median(() -> {
            try (Connection c = stack().connectAsApplication(); PreparedStatement q = c.prepareStatement(
                    "SELECT point_id, hour_start, samples, min_value, max_value, sum_value, delta_value FROM sample_hourly"
                            + " WHERE point_id IN (SELECT id FROM measurement_point WHERE facility_id = ?)"
                            + " AND hour_start >= ? AND hour_start < ?")) {
                q.setLong(1, facility);
                q.setObject(2, LocalDateTime.ofInstant(dayStart, ZoneOffset.UTC));
                q.setObject(3, LocalDateTime.ofInstant(dayStart.plusSeconds(86400), ZoneOffset.UTC));
                int rows = 0;
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        rows++;
                    }
                }
                assertEquals(POINTS * 24, rows);
            }
        });
        double dailyPage = median(() -> assertEquals(200, viewer.get(daily).statusCode()));
        viewer.get(daily); // the downloads post the form of this page again and again, as a user's clicks would
        double xlsx = median(() -> {
            HttpResponse<byte[]> file = viewer.download("export", "xlsx", Map.of());
            assertEquals(200, file.statusCode());
            assertTrue(file.body().length > 10_000);
        });
        double monthlyPage = median(() -> assertEquals(200, viewer.get(monthly).statusCode()));

        String report = String.format("Report benchmark (%d points, %d days of hourly and daily statistics, viewer over HTTP,"
                + " median of %d runs after %d warm-up)%n", POINTS, DAYS, RUNS, WARM_UP)
                + String.format("  baseline: JDBC SELECT of the day's %d hourly rows   %7.1f ms%n", POINTS * 24, baseline)
                + String.format("  daily report page (24 rows x %d columns)         %7.1f ms   ratio to baseline %.1f   goal <= 1000 ms%n",
                        POINTS, dailyPage, dailyPage / baseline)
                + String.format("  XLSX export of it (the download)                  %7.1f ms   ratio to baseline %.1f   goal <= 1000 ms%n",
                        xlsx, xlsx / baseline)
                + String.format("  monthly report page (%d rows x %d columns)        %7.1f ms   ratio to baseline %.1f%n",
                        last.lengthOfMonth(), POINTS, monthlyPage, monthlyPage / baseline);
        System.out.print(report);
        Path out = Path.of("target", "benchmarks", "report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertTrue(dailyPage <= 1000 && xlsx <= 1000, report);
    }

    private interface Run {
        void run() throws Exception;
    }

    private static double median(Run run) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            run.run();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            run.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }

    /** The facility, its device and points, and {@value #DAYS} days of statistics up to {@code last}, straight into the tables. */
    private static long createFacility(LocalDate last) throws Exception {
        try (Connection c = stack().connect()) {
            c.setAutoCommit(false);
            long organisation;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id FROM organisation WHERE code = 'demo'")) {
                assertTrue(r.next());
                organisation = r.getLong(1);
            }
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            long facility = insert(c, "INSERT INTO facility (organisation_id, code, name, kind, display_order, created_at)"
                    + " VALUES (?, 'BENCH50', 'ベンチマーク浄水場', 'PURIFICATION_PLANT', 99, ?)", organisation, now);
            long device = insert(c, "INSERT INTO field_device (facility_id, organisation_id, code, name, token_hash,"
                    + " created_at) VALUES (?, ?, 'BENCH50-TM', 'ベンチマーク テレメータ', ?, ?)", facility, organisation,
                    new byte[32], now);
            long[] points = new long[POINTS];
            for (int p = 0; p < POINTS; p++) {
                boolean counter = p % 10 == 9;
                points[p] = insert(c, "INSERT INTO measurement_point (facility_id, device_id, code, name, kind, unit, range_low,"
                        + " range_high, decimals, display_order) VALUES (?, ?, ?, ?, ?, ?, 0, 1000, ?, ?)", facility, device,
                        String.format("B-%02d", p), "計測点" + (p + 1), counter ? "COUNTER" : "ANALOG", counter ? "m³" : "m",
                        counter ? 0 : 2, p);
            }
            try (PreparedStatement hourly = c.prepareStatement("INSERT INTO sample_hourly (point_id, hour_start, samples,"
                    + " min_value, max_value, sum_value, first_value, last_value, delta_value) VALUES (?, ?, 360, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement daily = c.prepareStatement("INSERT INTO sample_daily (point_id, day_start, samples,"
                            + " min_value, max_value, sum_value, first_value, last_value, delta_value)"
                            + " VALUES (?, ?, 8640, ?, ?, ?, ?, ?, ?)")) {
                for (int d = DAYS - 1; d >= 0; d--) {
                    Instant day = last.minusDays(d).atStartOfDay(JAPAN).toInstant();
                    for (int p = 0; p < POINTS; p++) {
                        for (int h = 0; h < 24; h++) {
                            double v = 10 + p + h / 10.0;
                            bind(hourly, points[p], day.plusSeconds(3600L * h), v - 1, v + 1, v * 360, v, v, 5.0);
                            hourly.addBatch();
                        }
                        double v = 10 + p + 1.15;
                        bind(daily, points[p], day, v - 2, v + 2, v * 8640, v, v, 120.0);
                        daily.addBatch();
                    }
                    hourly.executeBatch();
                    daily.executeBatch();
                }
            }
            c.commit();
            return facility;
        }
    }

    private static void bind(PreparedStatement q, long point, Instant start, double... values) throws Exception {
        q.setLong(1, point);
        q.setObject(2, LocalDateTime.ofInstant(start, ZoneOffset.UTC));
        for (int i = 0; i < values.length; i++) {
            q.setDouble(i + 3, values[i]);
        }
    }

    private static long insert(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement q = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            q.executeUpdate();
            try (ResultSet keys = q.getGeneratedKeys()) {
                assertTrue(keys.next());
                return keys.getLong(1);
            }
        }
    }
}
