package jp.suijin.it.telemetry;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import jp.suijin.telemetry.Trend;
import jp.suijin.telemetry.TrendService;

/**
 * Server-side timing for {@link TelemetryBenchmark}, signed in as an organisation's administrator:
 * GET ?point=&from=&to=&buckets=&repeat= times the trend service for one point, and as the baseline
 * a plain JDBC read of the same range's raw samples on the same pool, and prints the medians.
 */
@WebServlet("/bench/trend")
@DeclareRoles({"ADMIN"})
@ServletSecurity(@HttpConstraint(rolesAllowed = "ADMIN"))
public class TrendBenchmarkServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private TrendService trends;

    @Resource(lookup = "jdbc/suijin")
    private DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long point = Long.parseLong(request.getParameter("point"));
        Instant from = Instant.parse(request.getParameter("from"));
        Instant to = Instant.parse(request.getParameter("to"));
        int buckets = Integer.parseInt(request.getParameter("buckets"));
        int repeat = Integer.parseInt(request.getParameter("repeat"));
        long[] trendNanos = new long[repeat];
        long[] rawNanos = new long[repeat];
        int drawn = 0;
        long rows = 0;
        String source = "";
        try {
            for (int i = 0; i < repeat; i++) {
                long t0 = System.nanoTime();
                Trend trend = trends.trend(List.of(point), from, to, buckets);
                trendNanos[i] = System.nanoTime() - t0;
                drawn = trend.series().get(0).buckets().size();
                source = trend.source() + " " + trend.bucket();

                t0 = System.nanoTime();
                rows = readRaw(point, from, to);
                rawNanos[i] = System.nanoTime() - t0;
            }
        } catch (SQLException e) {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, e.toString());
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().printf("trend_ms=%.2f buckets=%d source=%s raw_ms=%.2f rows=%d%n", median(trendNanos) / 1e6,
                drawn, source.replace(' ', '/'), median(rawNanos) / 1e6, rows);
    }

    /** What a trend without reduction would cost: every raw sample of the range to the server. */
    private long readRaw(long point, Instant from, Instant to) throws SQLException {
        long rows = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT sample_time, value FROM sample WHERE point_id = ? AND sample_time >= ? AND sample_time < ?")) {
            q.setLong(1, point);
            q.setObject(2, LocalDateTime.ofInstant(from, ZoneOffset.UTC));
            q.setObject(3, LocalDateTime.ofInstant(to, ZoneOffset.UTC));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    r.getObject(1, LocalDateTime.class);
                    r.getDouble(2);
                    rows++;
                }
            }
        }
        return rows;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
