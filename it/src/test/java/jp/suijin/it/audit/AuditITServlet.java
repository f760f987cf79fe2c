package jp.suijin.it.audit;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import jp.suijin.alarm.internal.AlarmMonitor;
import jp.suijin.audit.AuditLog;
import jp.suijin.audit.AuditSwitch;
import jp.suijin.audit.Outcome;
import jp.suijin.audit.internal.AuditMaintenance;
import jp.suijin.persistence.audit.ChainVerification;
import jp.suijin.security.internal.SecurityMonitor;
import jp.suijin.telemetry.internal.Rollups;
import jp.suijin.telemetry.internal.SampleStorage;
import jp.suijin.time.SuijinClock;

/**
 * Test-only controls, for a signed-in service operator (HTTP Basic): POST event?name=&target= writes
 * a marker event; POST purge runs the audit retention purge, POST sample-purge the raw samples'
 * one; POST rollups brings hourly and daily statistics up to date; POST alarm-monitor runs a round of
 * the alarm monitor (on-delays, communication loss, escalation, digests); POST flush returns once every
 * record so far is written and examined by the security monitor; POST verify runs the server's
 * verification;
 * POST clock?advance=P1D moves the clock, DELETE clock resets it; POST audit?mode=off|on switches
 * auditing for the audit-cost benchmark's baseline (test domains only, see AuditSwitch).
 */
@WebServlet("/probe/*")
@DeclareRoles({"SERVICE_OPERATOR"})
@ServletSecurity(@HttpConstraint(rolesAllowed = "SERVICE_OPERATOR"))
public class AuditITServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private AuditLog log;

    @EJB
    private AuditMaintenance maintenance;

    @EJB
    private SampleStorage samples;

    @EJB
    private Rollups rollups;

    @EJB
    private AlarmMonitor alarmMonitor;

    @Inject
    private SecurityMonitor monitor;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        try {
            switch (request.getPathInfo()) {
                case "/event" -> log.event(request.getParameter("name"), Outcome.OK, request.getParameter("principal"),
                        null, request.getParameter("target"), "test marker");
                case "/purge" -> response.getWriter().print(maintenance.purgeNow());
                case "/sample-purge" -> response.getWriter().print(samples.purgeNow());
                case "/rollups" -> response.getWriter().print(rollups.catchUp());
                case "/alarm-monitor" -> alarmMonitor.runNow();
                case "/flush" -> {
                    // a record written and waited for: everything queued before it is written too
                    log.event("it_flush", Outcome.OK, null, null, null, "test barrier");
                    if (!monitor.awaitExamined(Duration.ofSeconds(20))) {
                        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "security monitor still busy");
                    }
                }
                case "/verify" -> {
                    StringBuilder out = new StringBuilder();
                    for (ChainVerification v : maintenance.verifyAll().values()) {
                        out.append(v.summary()).append('\n');
                    }
                    response.getWriter().print(out);
                }
                case "/clock" -> SuijinClock.advance(Duration.parse(request.getParameter("advance")));
                case "/audit" -> System.setProperty(AuditSwitch.BENCHMARK_OFF_PROPERTY,
                        String.valueOf("off".equals(request.getParameter("mode"))));
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "interrupted");
        } catch (java.sql.SQLException e) {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, e.toString());
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) {
        SuijinClock.reset();
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
