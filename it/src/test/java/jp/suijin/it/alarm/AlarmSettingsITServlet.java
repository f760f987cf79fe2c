package jp.suijin.it.alarm;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import jp.suijin.admin.AdministrationException;
import jp.suijin.alarm.AlarmSettings;
import jp.suijin.alarm.PointAlarmForm;
import jp.suijin.alarm.RecipientGroupForm;
import jp.suijin.persistence.alarm.Severity;

/**
 * Calls AlarmSettings as the signed-in caller (HTTP Basic against the real identity store) with the
 * request's parameters: POST /alarm/{method}. Answers 200 with the result, 422 with "field problem"
 * for an AdministrationException, 403 for EJBAccessException.
 */
@WebServlet("/alarm/*")
@DeclareRoles({"ADMIN", "OPERATOR", "VIEWER"})
@ServletSecurity(@HttpConstraint(rolesAllowed = {"ADMIN", "OPERATOR", "VIEWER"}))
public class AlarmSettingsITServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private AlarmSettings settings;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        response.setContentType("text/plain;charset=UTF-8");
        try {
            response.getWriter().print(call(request.getPathInfo().substring(1), request));
        } catch (AdministrationException e) {
            response.setStatus(422);
            response.getWriter().print(e.field() + " " + e.problem());
        } catch (EJBAccessException e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.getWriter().print("EJBAccessException");
        }
    }

    private Object call(String method, HttpServletRequest r) {
        return switch (method) {
            case "facility" -> settings.facility(id(r, "facility"));
            case "savePointAlarm" -> done(() -> settings.savePointAlarm(id(r, "point"), form(r)));
            case "removePointAlarm" -> done(() -> settings.removePointAlarm(id(r, "point")));
            case "pointEnabled" -> done(() -> {
                if (enabled(r)) {
                    settings.enablePointAlarm(id(r, "point"));
                } else {
                    settings.disablePointAlarm(id(r, "point"), r.getParameter("reason"));
                }
            });
            case "shelvePoint" -> done(() -> settings.shelvePointAlarm(id(r, "point"), until(r), r.getParameter("reason")));
            case "unshelvePoint" -> done(() -> settings.unshelvePointAlarm(id(r, "point")));
            case "saveCommLoss" -> done(() -> settings.saveCommLoss(id(r, "device"), integer(r, "minutes"),
                    severity(r, "severity")));
            case "removeCommLoss" -> done(() -> settings.removeCommLoss(id(r, "device")));
            case "commLossEnabled" -> done(() -> {
                if (enabled(r)) {
                    settings.enableCommLoss(id(r, "device"));
                } else {
                    settings.disableCommLoss(id(r, "device"), r.getParameter("reason"));
                }
            });
            case "shelveDevice" -> done(() -> settings.shelveCommLoss(id(r, "device"), until(r), r.getParameter("reason")));
            case "unshelveDevice" -> done(() -> settings.unshelveCommLoss(id(r, "device")));
            case "recipients" -> settings.recipients(id(r, "facility"));
            case "createGroup" -> settings.createGroup(id(r, "facility"), group(r));
            case "editGroup" -> done(() -> settings.editGroup(id(r, "group"), group(r)));
            case "deleteGroup" -> done(() -> settings.deleteGroup(id(r, "group")));
            case "addUser" -> settings.addUserMember(id(r, "group"), id(r, "user"));
            case "addAddress" -> settings.addAddressMember(id(r, "group"), r.getParameter("email"), r.getParameter("locale"));
            case "removeMember" -> done(() -> settings.removeMember(id(r, "member")));
            default -> throw new IllegalArgumentException(method);
        };
    }

    private static String done(Runnable action) {
        action.run();
        return "ok";
    }

    private static PointAlarmForm form(HttpServletRequest r) {
        String states = r.getParameter("states");
        List<Long> faults = states == null ? List.of() : Arrays.stream(states.split(",")).map(Long::valueOf).toList();
        return new PointAlarmForm(number(r, "hh"), severity(r, "hhSeverity"), number(r, "h"), severity(r, "hSeverity"),
                number(r, "l"), severity(r, "lSeverity"), number(r, "ll"), severity(r, "llSeverity"),
                number(r, "deadband"), integer(r, "onDelay"), faults, severity(r, "stateSeverity"));
    }

    private static RecipientGroupForm group(HttpServletRequest r) {
        return new RecipientGroupForm(r.getParameter("name"), flag(r, "major"), flag(r, "minor"), flag(r, "notice"),
                flag(r, "recovery"), integer(r, "delay"), !"false".equals(r.getParameter("enabled")));
    }

    private static boolean flag(HttpServletRequest r, String name) {
        return "true".equals(r.getParameter(name));
    }

    private static Instant until(HttpServletRequest r) {
        String v = r.getParameter("until");
        return v == null ? null : Instant.parse(v);
    }

    private static Severity severity(HttpServletRequest r, String name) {
        String v = r.getParameter(name);
        return v == null ? null : Severity.valueOf(v);
    }

    private static long id(HttpServletRequest r, String name) {
        return Long.parseLong(r.getParameter(name));
    }

    private static boolean enabled(HttpServletRequest r) {
        return Boolean.parseBoolean(r.getParameter("enabled"));
    }

    private static Integer integer(HttpServletRequest r, String name) {
        String v = r.getParameter(name);
        return v == null ? null : Integer.valueOf(v);
    }

    private static Double number(HttpServletRequest r, String name) {
        String v = r.getParameter(name);
        return v == null ? null : Double.valueOf(v);
    }
}
