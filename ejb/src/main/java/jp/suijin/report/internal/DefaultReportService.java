package jp.suijin.report.internal;

import com.lowagie.text.pdf.BaseFont;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jp.suijin.audit.AuditLog;
import jp.suijin.audit.Outcome;
import jp.suijin.auth.Caller;
import jp.suijin.auth.CallerLookup;
import jp.suijin.auth.Roles;
import jp.suijin.persistence.facility.Facility;
import jp.suijin.report.Report;
import jp.suijin.report.ReportColumn;
import jp.suijin.report.ReportException;
import jp.suijin.report.ReportFacility;
import jp.suijin.report.ReportFormat;
import jp.suijin.report.ReportKind;
import jp.suijin.report.ReportService;
import jp.suijin.report.ReportText;
import jp.suijin.report.internal.ReportTable.Stats;
import jp.suijin.telemetry.FacilityNotFoundException;

/**
 * Reports from the hourly and daily statistics (never the raw samples): one range read per report
 * on the statistics' primary key (point, start).
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class DefaultReportService implements ReportService {

    @Inject
    private CallerLookup callers;

    @Inject
    private AuditLog auditLog;

    @Inject
    private Clock clock;

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Resource(lookup = "jdbc/suijin")
    private DataSource dataSource;

    @Override
    public List<ReportFacility> facilities() {
        Caller caller = callers.current();
        return em.createQuery("SELECT f FROM Facility f WHERE f.organisation.id = :org AND f.enabled = true"
                + " ORDER BY f.displayOrder, f.id", Facility.class)
                .setParameter("org", caller.requireOrganisation())
                .getResultList().stream()
                .filter(f -> caller.maySee(f.getId()))
                .map(DefaultReportService::facility)
                .toList();
    }

    @Override
    public Report report(long facilityId, ReportKind kind, LocalDate period) {
        return build(callers.current(), facilityId, kind, period);
    }

    @Override
    public void export(long facilityId, ReportKind kind, LocalDate period, ReportFormat format, Locale locale,
            OutputStream out) {
        if (format == null) {
            throw new ReportException("report.error.format");
        }
        Caller caller = callers.current();
        Report report = build(caller, facilityId, kind, period);
        ReportText text = ReportText.of(locale);
        // before anything is written: a missing font is a clear message, not a broken file
        BaseFont font = format == ReportFormat.PDF ? ReportFont.load() : null;
        LocalDateTime made = LocalDateTime.ofInstant(clock.instant(), ReportTable.JAPAN);
        boolean finished = false;
        try {
            switch (format) {
                case XLSX -> XlsxReport.write(report, text, made, out);
                case PDF -> PdfReport.write(report, text, font, made, out);
                case CSV -> CsvReport.write(report, text, out);
            }
            finished = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Exporting the report was broken off", e);
        } finally {
            auditLog.event("data_export", finished ? Outcome.OK : Outcome.ERROR, caller.loginId(),
                    caller.organisationId(), "facility=" + facilityId, "report=" + report.kind() + " "
                            + report.period() + ", format=" + format + ", columns=" + report.columns().size());
        }
    }

    private Report build(Caller caller, long facilityId, ReportKind kind, LocalDate period) {
        ReportTable table = new ReportTable(kind, period);
        Facility facility = visible(caller, facilityId);
        List<ReportColumn> columns = LayoutColumns.columns(em, facility);
        return table.build(facility(facility), columns, statistics(table, columns));
    }

    /** The facility if the caller may see it; a foreign or forbidden one is answered like an unknown one. */
    private Facility visible(Caller caller, long facilityId) {
        List<Facility> found = em.createQuery("SELECT f FROM Facility f WHERE f.id = :id AND f.organisation.id = :org"
                + " AND f.enabled = true", Facility.class)
                .setParameter("id", facilityId)
                .setParameter("org", caller.requireOrganisation())
                .getResultList();
        if (found.isEmpty() || !caller.maySee(facilityId)) {
            throw new FacilityNotFoundException(facilityId);
        }
        return found.get(0);
    }

    /** Statistics per column point and row; a yearly report adds up the days of each month. */
    private Map<Long, Stats[]> statistics(ReportTable table, List<ReportColumn> columns) {
        Map<Long, Stats[]> result = new HashMap<>();
        if (columns.isEmpty()) {
            return result;
        }
        List<Long> points = columns.stream().map(ReportColumn::pointId).distinct().toList();
        String sql = (table.hourly()
                ? "SELECT point_id, hour_start, samples, min_value, max_value, sum_value, delta_value FROM sample_hourly"
                        + " WHERE hour_start >= ? AND hour_start < ?"
                : "SELECT point_id, day_start, samples, min_value, max_value, sum_value, delta_value FROM sample_daily"
                        + " WHERE day_start >= ? AND day_start < ?")
                + " AND point_id IN (" + points.stream().map(p -> "?").collect(Collectors.joining(",")) + ")";
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, LocalDateTime.ofInstant(table.from(), ZoneOffset.UTC));
            q.setObject(2, LocalDateTime.ofInstant(table.to(), ZoneOffset.UTC));
            for (int i = 0; i < points.size(); i++) {
                q.setLong(i + 3, points.get(i));
            }
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    Stats[] rows = result.computeIfAbsent(r.getLong(1), k -> new Stats[table.rowCount()]);
                    int row = table.rowOf(r.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC));
                    Stats s = new Stats(r.getInt(3), r.getDouble(4), r.getDouble(5), r.getDouble(6), r.getDouble(7));
                    rows[row] = rows[row] == null ? s : rows[row].plus(s);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the statistics failed", e);
        }
        return result;
    }

    private static ReportFacility facility(Facility f) {
        return new ReportFacility(f.getId(), f.getCode(), f.getName());
    }
}
