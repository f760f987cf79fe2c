package jp.suijin.it.alarm;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jp.suijin.admin.AdministrationException;
import jp.suijin.alarm.AlarmAudience;
import jp.suijin.alarm.AlarmBroadcast;
import jp.suijin.alarm.AlarmConsole;
import jp.suijin.alarm.AlarmExportFormat;
import jp.suijin.alarm.AlarmFilter;
import jp.suijin.alarm.AlarmRow;
import jp.suijin.alarm.AlarmSignal;
import jp.suijin.alarm.AlarmState;
import jp.suijin.audit.RecordPage;
import jp.suijin.audit.Seek;
import jp.suijin.persistence.alarm.AlarmKind;
import jp.suijin.persistence.alarm.Severity;

/**
 * Calls AlarmConsole as the signed-in caller (HTTP Basic against the real identity store): POST
 * /alarm/{method} with the request's parameters. Answers 200 with the result, 422 with "field problem"
 * for an AdministrationException, 403 for EJBAccessException. POST /alarm/signal publishes an alarm row the test
 * inserted through the real AlarmBroadcast after a committed transaction, as the alarm evaluation will,
 * and answers the instant of the commit.
 * POST /alarm/audience answers, one a line and sorted, who AlarmAudience says the push reaches for a facility (by code).
 */
@WebServlet("/alarm/*")
@DeclareRoles({"ADMIN", "OPERATOR", "VIEWER"})
@ServletSecurity(@HttpConstraint(rolesAllowed = {"ADMIN", "OPERATOR", "VIEWER"}))
public class AlarmITServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private AlarmConsole console;

    @Inject
    private AlarmBroadcast broadcast;

    @EJB
    private AlarmAudience audience;

    @Resource
    private UserTransaction transaction;

    @Resource(lookup = "jdbc/suijin")
    private DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String method = request.getPathInfo().substring(1);
        try {
            if (method.equals("export")) {
                response.setContentType("application/octet-stream");
                console.export(filter(request), AlarmExportFormat.valueOf(request.getParameter("format")),
                        Locale.forLanguageTag(request.getParameter("lang")), response.getOutputStream());
                return;
            }
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().print(call(method, request));
        } catch (AdministrationException e) {
            response.resetBuffer();
            response.setStatus(422);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().print(e.field() + " " + e.problem());
        } catch (EJBAccessException e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.getWriter().print("EJBAccessException");
        }
    }

    private Object call(String method, HttpServletRequest r) {
        return switch (method) {
            case "active" -> lines(console.active(id(r, "facility"), severity(r)));
            case "summary" -> {
                var s = console.summary();
                yield s.active() + " " + s.unacknowledged() + " "
                        + (s.newestUnacknowledged() == null ? "-" : line(s.newestUnacknowledged()));
            }
            case "acknowledge" -> console.acknowledge(r.getParameter("ids").isEmpty() ? List.of()
                    : Arrays.stream(r.getParameter("ids").split(",")).map(Long::valueOf).toList(),
                    r.getParameter("comment"));
            case "history" -> {
                int size = Integer.parseInt(r.getParameter("size"));
                String after = r.getParameter("after");
                String before = r.getParameter("before");
                Seek seek = after != null ? Seek.olderThan(position(after), size)
                        : before != null ? Seek.newerThan(position(before), size) : Seek.newest(size);
                RecordPage<AlarmRow> page = console.history(filter(r), seek);
                yield "more=" + page.more() + "\n" + lines(page.rows());
            }
            case "audience" -> audience(r.getParameter("facility"));
            case "signal" -> signal(Long.parseLong(r.getParameter("alarm")), r.getParameter("event"));
            default -> throw new IllegalArgumentException(method);
        };
    }

    private String audience(String facilityCode) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT organisation_id, id FROM facility WHERE code = ?")) {
            q.setString(1, facilityCode);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return audience.loginIds(row.getLong(1), row.getLong(2)).stream().sorted()
                        .collect(Collectors.joining("\n"));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes as the evaluation does: registered in a transaction, delivered once it commits. */
    private String signal(long alarmId, String event) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT organisation_id, facility_id, severity FROM alarm WHERE id = ?")) {
            q.setLong(1, alarmId);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                transaction.begin();
                broadcast.afterCommit(List.of(new AlarmSignal(row.getLong(1), row.getLong(2), alarmId,
                        AlarmSignal.Event.valueOf(event), Severity.valueOf(row.getString(3)))));
                transaction.commit();
            }
            return Instant.now().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line per row: id facilityName sourceCode kind severity acked/unacked cleared/active clearedAfter acknowledgedAfter ackedBy comment. */
    private static String lines(List<AlarmRow> rows) {
        return rows.stream().map(AlarmITServlet::line).collect(Collectors.joining("\n"));
    }

    private static String line(AlarmRow a) {
        return a.id() + "|" + a.facilityName() + "|" + a.sourceCode() + "|" + a.kind() + "|" + a.severity() + "|"
                + (a.acknowledged() ? "acked" : "unacked") + "|" + (a.cleared() ? "cleared" : "active") + "|"
                + a.clearedAfter() + "|" + a.acknowledgedAfter() + "|" + a.ackedBy() + "|" + a.ackComment() + "|"
                + a.raisedAt() + "|" + a.stateLabel();
    }

    private static Seek.Position position(String value) {
        String[] p = value.split(",");
        return new Seek.Position(Instant.parse(p[0]), Long.parseLong(p[1]));
    }

    private static AlarmFilter filter(HttpServletRequest r) {
        return new AlarmFilter(instant(r, "from"), instant(r, "to"), id(r, "facility"), id(r, "point"), severity(r),
                r.getParameter("kind") == null ? null : AlarmKind.valueOf(r.getParameter("kind")),
                r.getParameter("state") == null ? null : AlarmState.valueOf(r.getParameter("state")));
    }

    private static Instant instant(HttpServletRequest r, String name) {
        return r.getParameter(name) == null ? null : Instant.parse(r.getParameter(name));
    }

    private static Long id(HttpServletRequest r, String name) {
        return r.getParameter(name) == null ? null : Long.valueOf(r.getParameter(name));
    }

    private static Severity severity(HttpServletRequest r) {
        return r.getParameter("severity") == null ? null : Severity.valueOf(r.getParameter("severity"));
    }
}
