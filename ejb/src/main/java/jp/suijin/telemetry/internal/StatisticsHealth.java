package jp.suijin.telemetry.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import jp.suijin.jdbc.Columns;
import jp.suijin.resilience.CheckResult;
import jp.suijin.resilience.HealthContributor;

/**
 * The statistics part of health: the job completes rounds (at most {@link #STALLED} apart), how many
 * hours wait and since when, and how many are set aside. Hours set aside are reported, not a reason
 * to take the service out of a load balancer: one bad point must not stop the rest.
 */
@ApplicationScoped
public class StatisticsHealth implements HealthContributor {

    static final Duration STALLED = Duration.ofMinutes(10);

    @Resource(lookup = "jdbc/suijin")
    private DataSource dataSource;

    @Inject
    private RollupProgress rollups;

    @Inject
    private Clock clock;

    @Override
    public CheckResult check() {
        Map<String, String> data = new LinkedHashMap<>();
        Instant now = clock.instant();
        Instant lastRound = rollups.lastRound();
        data.put("lastRound", lastRound == null ? "-" : lastRound.toString());
        boolean up = lastRound != null && Duration.between(lastRound, now).compareTo(STALLED) < 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT (SELECT COUNT(*) FROM rollup_pending), (SELECT MIN(hour_start) FROM rollup_pending p"
                + " WHERE NOT EXISTS (SELECT 1 FROM rollup_failure f WHERE f.point_id = p.point_id"
                + " AND f.hour_start = p.hour_start AND f.set_aside_at IS NOT NULL)),"
                + " (SELECT COUNT(*) FROM rollup_failure WHERE set_aside_at IS NOT NULL)")) {
            r.next();
            Instant oldest = Columns.utc(r, 2);
            data.put("pendingHours", String.valueOf(r.getLong(1)));
            data.put("hoursWaiting", oldest == null ? "0" : String.valueOf(Math.max(0,
                    Duration.between(oldest, now).toHours() - 1)));
            data.put("setAside", String.valueOf(r.getLong(3)));
        } catch (SQLException e) {
            data.put("backlog", "unreadable (" + e.getClass().getSimpleName() + ")");
            up = false;
        }
        return new CheckResult("statistics", up, data);
    }
}
