package jp.suijin.audit.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.suijin.audit.AccessRecordRow;
import jp.suijin.audit.AuditLog;
import jp.suijin.audit.AuditQueries;
import jp.suijin.audit.AuditRetention;
import jp.suijin.audit.AuditStatus;
import jp.suijin.audit.ExportResult;
import jp.suijin.audit.OperationRecordRow;
import jp.suijin.audit.Outcome;
import jp.suijin.audit.RecordFilter;
import jp.suijin.audit.RecordPage;
import jp.suijin.audit.Seek;
import jp.suijin.auth.Caller;
import jp.suijin.auth.CallerLookup;
import jp.suijin.auth.Roles;
import jp.suijin.csv.CsvWriter;
import jp.suijin.persistence.audit.AuditChain;
import jp.suijin.persistence.audit.ChainVerification;
import jp.suijin.schema.DatabaseGrants;
import jp.suijin.schema.SchemaMigrator;

/**
 * Reads the record tables with plain JDBC (they have no entities: they are append-only and
 * chained). Every query starts with the organisation and the time range, so it runs on the
 * (organisation_id, recorded_at, seq) index, and pages by position instead of offset.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class DefaultAuditQueries implements AuditQueries {

    private static final String OPERATION_COLUMNS = "seq, recorded_at, principal, client_ip, user_agent, session_hash,"
            + " operation, bean_method, target, parameters, outcome, error_class, duration_ms";
    private static final String ACCESS_COLUMNS = "seq, recorded_at, listener, principal, client_ip, method, path, query,"
            + " status, bytes, duration_ms, user_agent, session_hash";

    @Resource(lookup = "jdbc/suijin")
    private DataSource dataSource;

    @Inject
    private CallerLookup callers;

    @Inject
    private AuditLog auditLog;

    @Inject
    private AuditWriter writer;

    @Inject
    private AuditMaintenance maintenance;

    @Inject
    private AuditVerification verification;

    @EJB
    private SchemaMigrator schema;

    @Override
    public RecordPage<OperationRecordRow> operations(RecordFilter filter, Seek seek) {
        return page(AuditChain.AUDIT, OPERATION_COLUMNS, filter, seek, DefaultAuditQueries::operation);
    }

    @Override
    public RecordPage<AccessRecordRow> accesses(RecordFilter filter, Seek seek) {
        return page(AuditChain.ACCESS, ACCESS_COLUMNS, filter, seek, DefaultAuditQueries::access);
    }

    // streamed for as long as the download takes: no transaction held open meanwhile
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ExportResult exportOperations(RecordFilter filter, OutputStream out) {
        return export(AuditChain.AUDIT, OPERATION_COLUMNS, filter, out, (r, csv) -> {
            OperationRecordRow o = operation(r);
            csv.number(o.seq()).time(o.recordedAt()).text(o.principal()).text(o.clientIp()).text(o.userAgent())
                    .text(o.sessionHash()).text(o.operation()).text(o.beanMethod()).text(o.target())
                    .text(o.parameters()).text(o.outcome()).text(o.errorClass()).number(o.durationMs());
        });
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ExportResult exportAccesses(RecordFilter filter, OutputStream out) {
        return export(AuditChain.ACCESS, ACCESS_COLUMNS, filter, out, (r, csv) -> {
            AccessRecordRow a = access(r);
            csv.number(a.seq()).time(a.recordedAt()).text(a.listener()).text(a.principal()).text(a.clientIp())
                    .text(a.method()).text(a.path()).text(a.query()).number(a.status()).number(a.bytes())
                    .number(a.durationMs()).text(a.userAgent()).text(a.sessionHash());
        });
    }

    @Override
    public AuditStatus status() {
        Integer days = null;
        String retentionProblem = null;
        try {
            days = AuditRetention.days();
        } catch (IllegalStateException e) {
            retentionProblem = e.getMessage();
        }
        Map<AuditChain, ChainVerification> last = maintenance.lastVerifications();
        List<AuditStatus.ChainState> chains = new ArrayList<>();
        for (AuditChain chain : AuditChain.values()) {
            chains.add(new AuditStatus.ChainState(chain.table(), last.get(chain)));
        }
        DatabaseGrants.Check grants = schema.grants();
        return new AuditStatus(days, retentionProblem, chains, maintenance.isVerifying(), writer.writtenCount(),
                writer.lostCount(), writer.queued(), writer.lastFailure(),
                grants == null ? null : grants.protectedAudit(), grants == null ? null : grants.account(),
                grants == null ? null : grants.problem());
    }

    @Override
    public boolean verifyNow() {
        if (maintenance.isVerifying()) {
            return false;
        }
        verification.run();
        return true;
    }

    private interface RowReader<T> {
        T read(ResultSet r) throws SQLException;
    }

    private interface CsvRow {
        void write(ResultSet r, CsvWriter csv) throws SQLException, IOException;
    }

    private <T extends Serializable> RecordPage<T> page(AuditChain chain, String columns, RecordFilter filter, Seek seek,
            RowReader<T> reader) {
        Where where = Where.of(chain, callers.organisationId(), filter.checked());
        if (seek.from() != null) {
            String cmp = seek.newer() ? ">" : "<";
            where.sql.append(" AND (recorded_at ").append(cmp).append(" ? OR (recorded_at = ? AND seq ").append(cmp)
                    .append(" ?))");
            where.params.add(utc(seek.from().recordedAt()));
            where.params.add(utc(seek.from().recordedAt()));
            where.params.add(seek.from().seq());
        }
        String order = seek.newer() ? "ASC" : "DESC";
        int limit = seek.limit();
        String sql = "SELECT " + columns + " FROM " + chain.table() + " FORCE INDEX (" + where.index + ")"
                + where.sql + " ORDER BY recorded_at " + order + ", seq " + order + " LIMIT " + (limit + 1);
        List<T> rows = new ArrayList<>(limit + 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            where.bind(q);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.add(reader.read(r));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading " + chain.table() + " failed", e);
        }
        boolean more = rows.size() > limit;
        if (more) {
            rows.remove(limit);
        }
        if (seek.newer()) {
            Collections.reverse(rows);
        }
        return new RecordPage<>(List.copyOf(rows), more);
    }

    private ExportResult export(AuditChain chain, String columns, RecordFilter filter, OutputStream out, CsvRow row) {
        Caller caller = callers.current();
        Where where = Where.of(chain, caller.requireOrganisation(), filter.checked());
        String sql = "SELECT " + columns + " FROM " + chain.table() + " FORCE INDEX (" + where.index + ")"
                + where.sql + " ORDER BY recorded_at DESC, seq DESC LIMIT " + (EXPORT_CAP + 1);
        long rows = 0;
        boolean capped = false;
        boolean finished = false;
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            where.bind(q);
            q.setFetchSize(1000); // the driver streams in batches instead of reading every row first
            CsvWriter csv = new CsvWriter(out);
            csv.header(columns.replace("recorded_at", "recorded_at_jst").split(", "));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    if (rows == EXPORT_CAP) {
                        capped = true;
                        break;
                    }
                    row.write(r, csv);
                    csv.endLine();
                    rows++;
                }
            }
            csv.close();
            finished = true;
        } catch (SQLException e) {
            throw new IllegalStateException("Exporting " + chain.table() + " failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Exporting " + chain.table() + " was broken off", e);
        } finally {
            // recorded however it ended: a broken-off export still let the counted rows out
            auditLog.event("data_export", finished ? Outcome.OK : Outcome.ERROR, caller.loginId(), caller.organisationId(), chain.table(),
                    "rows=" + rows + (capped ? " (capped)" : "") + ", filter=" + filter.describe());
        }
        return new ExportResult(rows, capped);
    }

    private static OperationRecordRow operation(ResultSet r) throws SQLException {
        return new OperationRecordRow(r.getLong("seq"), instant(r), r.getString("principal"), r.getString("client_ip"),
                r.getString("user_agent"), r.getString("session_hash"), r.getString("operation"),
                r.getString("bean_method"), r.getString("target"), r.getString("parameters"), r.getString("outcome"),
                r.getString("error_class"), r.getInt("duration_ms"));
    }

    private static AccessRecordRow access(ResultSet r) throws SQLException {
        return new AccessRecordRow(r.getLong("seq"), instant(r), r.getString("listener"), r.getString("principal"),
                r.getString("client_ip"), r.getString("method"), r.getString("path"), r.getString("query"),
                r.getInt("status"), r.getLong("bytes"), r.getInt("duration_ms"), r.getString("user_agent"),
                r.getString("session_hash"));
    }

    private static Instant instant(ResultSet r) throws SQLException {
        return r.getObject("recorded_at", LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The WHERE clause of a filter, organisation and time range first, with its parameters. */
    static final class Where {

        final StringBuilder sql = new StringBuilder(" WHERE organisation_id = ? AND recorded_at >= ? AND recorded_at < ?");
        final List<Object> params = new ArrayList<>();
        /** The index that leads to the rows in page order: the most selective equality filter's, else time's. */
        String index;

        static Where of(AuditChain chain, long organisationId, RecordFilter f) {
            Where w = new Where();
            w.params.add(organisationId);
            w.params.add(utc(f.from()));
            w.params.add(utc(f.to()));
            if (f.principal() != null) {
                w.sql.append(" AND principal = ?");
                w.params.add(f.principal());
            }
            if (f.prefix() != null) {
                w.sql.append(chain == AuditChain.AUDIT ? " AND operation" : " AND path").append(" LIKE ? ESCAPE '!'");
                w.params.add(likePrefix(f.prefix()));
            }
            if (chain == AuditChain.AUDIT && f.outcome() != null) {
                w.sql.append(" AND outcome = ?");
                w.params.add(f.outcome().name());
            }
            if (chain == AuditChain.ACCESS && f.statusMin() != null) {
                w.sql.append(" AND status BETWEEN ? AND ?");
                w.params.add(f.statusMin());
                w.params.add(f.statusMax());
            }
            if (f.clientIp() != null) {
                w.sql.append(" AND client_ip = ?");
                w.params.add(f.clientIp());
            }
            String kind = f.principal() != null ? "principal" : f.clientIp() != null ? "ip"
                    : chain == AuditChain.AUDIT && f.outcome() != null ? "outcome" : null;
            w.index = "ix_" + chain.table() + "_org_" + (kind == null ? "" : kind + "_") + "time";
            return w;
        }

        /** The prefix as a LIKE pattern that matches its % and _ literally. */
        static String likePrefix(String prefix) {
            return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        }

        void bind(PreparedStatement q) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                q.setObject(i + 1, params.get(i));
            }
        }
    }
}
