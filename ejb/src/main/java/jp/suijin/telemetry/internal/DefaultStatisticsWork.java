package jp.suijin.telemetry.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import jp.suijin.auth.Roles;
import jp.suijin.jdbc.Columns;
import jp.suijin.telemetry.SetAsideHour;
import jp.suijin.telemetry.StatisticsWork;

@Stateless
@RolesAllowed(Roles.SERVICE_OPERATOR)
public class DefaultStatisticsWork implements StatisticsWork {

    /** Shown on one page; a service with more has a problem the page's count already shows. */
    static final int LISTED = 200;

    @Resource(lookup = "jdbc/suijin")
    private DataSource dataSource;

    @Override
    public List<SetAsideHour> setAside() {
        List<SetAsideHour> hours = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT f.point_id,"
                + " o.code, fa.name, p.code, f.hour_start, f.failures, f.set_aside_at, f.last_error FROM rollup_failure f"
                + " JOIN measurement_point p ON p.id = f.point_id JOIN facility fa ON fa.id = p.facility_id"
                + " JOIN organisation o ON o.id = fa.organisation_id WHERE f.set_aside_at IS NOT NULL"
                + " ORDER BY f.hour_start, f.point_id LIMIT " + LISTED); ResultSet r = q.executeQuery()) {
            while (r.next()) {
                hours.add(new SetAsideHour(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                        Columns.utc(r, 5), r.getInt(6), Columns.utc(r, 7), r.getString(8)));
            }
        } catch (SQLException e) {
            throw new EJBException("set-aside statistics hours could not be read", e);
        }
        return hours;
    }

    @Override
    public void retry(long pointId, Instant hour) {
        // the hour's rollup_pending mark is still there: without its failure row the next round takes it
        try (Connection c = dataSource.getConnection(); PreparedStatement d = c.prepareStatement(
                "DELETE FROM rollup_failure WHERE point_id = ? AND hour_start = ?")) {
            d.setLong(1, pointId);
            d.setObject(2, LocalDateTime.ofInstant(hour, ZoneOffset.UTC));
            d.executeUpdate();
        } catch (SQLException e) {
            throw new EJBException("the set-aside hour could not be released", e);
        }
    }
}
