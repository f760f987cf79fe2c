package jp.suijin.telemetry.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jp.suijin.audit.AuditLog;
import jp.suijin.audit.Outcome;
import jp.suijin.auth.Caller;
import jp.suijin.auth.CallerLookup;
import jp.suijin.auth.Roles;
import jp.suijin.csv.CsvWriter;
import jp.suijin.persistence.facility.MeasurementPoint;
import jp.suijin.telemetry.PointNotFoundException;
import jp.suijin.telemetry.Trend;
import jp.suijin.telemetry.TrendBucket;
import jp.suijin.telemetry.TrendCsvHeadings;
import jp.suijin.telemetry.TrendPoint;
import jp.suijin.telemetry.TrendRequestException;
import jp.suijin.telemetry.TrendSeries;
import jp.suijin.telemetry.TrendService;
import jp.suijin.telemetry.TrendSource;

/**
 * Reduces in the database: one grouped query per point over its primary key range, so only the
 * buckets travel, never the samples.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class DefaultTrendService implements TrendService {

    private static final int MIN_BUCKETS = 10;
    private static final int MAX_BUCKETS = 2000;

    // the statistics tables hold per-period sums and counts, so a bucket's mean is their quotient
    private static final Map<TrendSource, String> QUERIES = Map.of(
            TrendSource.RAW, "SELECT FLOOR(TIMESTAMPDIFF(SECOND, ?, sample_time) / ?) AS b, MIN(value), MAX(value),"
                    + " AVG(value), COUNT(*) FROM sample WHERE point_id = ? AND sample_time >= ? AND sample_time < ?"
                    + " GROUP BY b ORDER BY b",
            TrendSource.HOURLY, "SELECT FLOOR(TIMESTAMPDIFF(SECOND, ?, hour_start) / ?) AS b, MIN(min_value),"
                    + " MAX(max_value), SUM(sum_value) / SUM(samples), SUM(samples) FROM sample_hourly"
                    + " WHERE point_id = ? AND hour_start >= ? AND hour_start < ? GROUP BY b ORDER BY b",
            TrendSource.DAILY, "SELECT FLOOR(TIMESTAMPDIFF(SECOND, ?, day_start) / ?) AS b, MIN(min_value),"
                    + " MAX(max_value), SUM(sum_value) / SUM(samples), SUM(samples) FROM sample_daily"
                    + " WHERE point_id = ? AND day_start >= ? AND day_start < ? GROUP BY b ORDER BY b");

    @Inject
    private CallerLookup callers;

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Resource(lookup = "jdbc/suijin")
    private DataSource dataSource;

    @Inject
    private AuditLog audit;

    @Override
    public List<TrendPoint> points() {
        Caller caller = callers.current();
        return em.createQuery("SELECT p FROM MeasurementPoint p JOIN p.facility f WHERE f.organisation.id = :org"
                + " AND f.enabled = true AND p.enabled = true ORDER BY f.displayOrder, f.id, p.displayOrder, p.id",
                MeasurementPoint.class)
                .setParameter("org", caller.requireOrganisation())
                .getResultList().stream()
                .filter(p -> caller.maySee(p.getFacility().getId()))
                .map(DefaultTrendService::describe)
                .toList();
    }

    @Override
    public Trend trend(List<Long> pointIds, Instant from, Instant to, int buckets) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(pointIds == null ? List.of() : pointIds));
        check(ids, from, to);
        Map<Long, TrendPoint> allowed = allowed(ids);
        TrendPlan plan = TrendPlan.of(from, to, Math.max(MIN_BUCKETS, Math.min(MAX_BUCKETS, buckets)));
        List<TrendSeries> series = new ArrayList<>(ids.size());
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(QUERIES.get(plan.source()))) {
            for (long id : ids) {
                series.add(new TrendSeries(allowed.get(id), read(q, plan, id, to)));
            }
        } catch (SQLException e) {
            throw new EJBException("trend could not be read", e);
        }
        return new Trend(from, to, plan.bucket(), plan.source(), List.copyOf(series));
    }

    @Override
    public long exportCsv(List<Long> pointIds, Instant from, Instant to, int buckets, TrendCsvHeadings headings,
            OutputStream out) {
        Trend trend = trend(pointIds, from, to, buckets);
        Caller caller = callers.current();
        Map<Instant, TrendBucket[]> lines = new TreeMap<>();
        List<TrendSeries> series = trend.series();
        for (int i = 0; i < series.size(); i++) {
            for (TrendBucket b : series.get(i).buckets()) {
                lines.computeIfAbsent(b.start(), t -> new TrendBucket[series.size()])[i] = b;
            }
        }
        boolean finished = false;
        try {
            CsvWriter csv = new CsvWriter(out);
            List<String> heading = new ArrayList<>(List.of(headings.time()));
            for (TrendSeries s : series) {
                String name = s.point().label() + (s.point().unit() == null ? "" : " [" + s.point().unit() + "]");
                for (String statistic : List.of(headings.mean(), headings.min(), headings.max(), headings.samples())) {
                    heading.add(name + " " + statistic);
                }
            }
            csv.header(heading.toArray(String[]::new));
            for (Map.Entry<Instant, TrendBucket[]> line : lines.entrySet()) {
                csv.time(line.getKey());
                for (int i = 0; i < series.size(); i++) {
                    TrendBucket b = line.getValue()[i];
                    int decimals = series.get(i).point().decimals();
                    if (b == null) {
                        // no sample in this bucket: empty cells, never a 0
                        csv.text(null).text(null).text(null).number(0);
                    } else {
                        csv.decimal(b.mean(), decimals).decimal(b.min(), decimals).decimal(b.max(), decimals)
                                .number(b.samples());
                    }
                }
                csv.endLine();
            }
            csv.close();
            finished = true;
        } catch (IOException e) {
            throw new UncheckedIOException("the trend export was broken off", e);
        } finally {
            audit.event("data_export", finished ? Outcome.OK : Outcome.ERROR, caller.loginId(), caller.organisationId(),
                    "trend", "points=" + trend.series().stream().map(s -> String.valueOf(s.point().id())).toList()
                    + ", from=" + from + ", to=" + to + ", rows=" + lines.size());
        }
        return lines.size();
    }

    private static void check(List<Long> ids, Instant from, Instant to) {
        if (ids.isEmpty()) {
            throw new TrendRequestException("choose at least one measurement point");
        }
        if (ids.size() > MAX_POINTS) {
            throw new TrendRequestException("at most " + MAX_POINTS + " measurement points on one chart, not " + ids.size());
        }
        if (from == null || to == null) {
            throw new TrendRequestException("the time range needs a start and an end");
        }
        if (!to.isAfter(from)) {
            throw new TrendRequestException("the end of the time range must be after its start");
        }
        Duration range = Duration.between(from, to);
        if (range.compareTo(SHORTEST) < 0 || range.compareTo(LONGEST) > 0) {
            throw new TrendRequestException("the time range must be " + SHORTEST.toMinutes() + " minutes to "
                    + LONGEST.toDays() + " days long");
        }
    }

    /** The points, if every one is the caller's to see; else the first that is not is "not found". */
    private Map<Long, TrendPoint> allowed(List<Long> ids) {
        Caller caller = callers.current();
        Map<Long, TrendPoint> found = em.createQuery("SELECT p FROM MeasurementPoint p JOIN p.facility f"
                + " WHERE p.id IN :ids AND f.organisation.id = :org AND f.enabled = true AND p.enabled = true",
                MeasurementPoint.class)
                .setParameter("ids", ids)
                .setParameter("org", caller.requireOrganisation())
                .getResultList().stream()
                .filter(p -> caller.maySee(p.getFacility().getId()))
                .map(DefaultTrendService::describe)
                .collect(Collectors.toMap(TrendPoint::id, Function.identity()));
        for (long id : ids) {
            if (!found.containsKey(id)) {
                throw new PointNotFoundException(id);
            }
        }
        return found;
    }

    private static List<TrendBucket> read(PreparedStatement q, TrendPlan plan, long pointId, Instant to)
            throws SQLException {
        LocalDateTime origin = LocalDateTime.ofInstant(plan.origin(), ZoneOffset.UTC);
        q.setObject(1, origin);
        q.setLong(2, plan.bucket().toSeconds());
        q.setLong(3, pointId);
        q.setObject(4, origin);
        q.setObject(5, LocalDateTime.ofInstant(to, ZoneOffset.UTC));
        List<TrendBucket> buckets = new ArrayList<>();
        try (ResultSet r = q.executeQuery()) {
            while (r.next()) {
                buckets.add(new TrendBucket(plan.start(r.getLong(1)), r.getDouble(2), r.getDouble(3), r.getDouble(4),
                        r.getLong(5)));
            }
        }
        return buckets;
    }

    private static TrendPoint describe(MeasurementPoint p) {
        return new TrendPoint(p.getId(), p.getFacility().getName(), p.getCode(), p.getName(), p.getKind(), p.getUnit(),
                p.getDecimals());
    }
}
