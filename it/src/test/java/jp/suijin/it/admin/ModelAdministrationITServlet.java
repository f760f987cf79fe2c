package jp.suijin.it.admin;

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
import java.util.Arrays;
import java.util.stream.Collectors;
import jp.suijin.admin.AdministrationException;
import jp.suijin.admin.DeviceToken;
import jp.suijin.admin.FacilityForm;
import jp.suijin.admin.FacilityRow;
import jp.suijin.admin.ModelAdministration;
import jp.suijin.admin.NewUser;
import jp.suijin.admin.PointForm;
import jp.suijin.admin.UserAdministration;
import jp.suijin.persistence.facility.FacilityKind;
import jp.suijin.persistence.facility.PointKind;
import jp.suijin.persistence.user.Role;
import jp.suijin.report.ReportFacility;
import jp.suijin.report.ReportLayouts;
import jp.suijin.telemetry.FacilityNotFoundException;
import jp.suijin.telemetry.FacilityOverview;
import jp.suijin.telemetry.FacilityService;

/**
 * Calls ModelAdministration as the signed-in caller (HTTP Basic against the real identity store) with
 * the request's parameters: POST /model/{method}; also the report layouts and a user's facility
 * limits, which follow the administrator's own limits. Answers 200 with the result, 422 with "field
 * problem" for an AdministrationException, 404 for FacilityNotFoundException, 403 for EJBAccessException.
 */
@WebServlet("/model/*")
@DeclareRoles({"ADMIN", "OPERATOR", "VIEWER"})
@ServletSecurity(@HttpConstraint(rolesAllowed = {"ADMIN", "OPERATOR", "VIEWER"}))
public class ModelAdministrationITServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private ModelAdministration model;

    @EJB
    private FacilityService dashboard;

    @EJB
    private ReportLayouts layouts;

    @EJB
    private UserAdministration users;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        response.setContentType("text/plain;charset=UTF-8");
        try {
            response.getWriter().print(call(request.getPathInfo().substring(1), request));
        } catch (AdministrationException e) {
            response.setStatus(422);
            response.getWriter().print(e.field() + " " + e.problem());
        } catch (FacilityNotFoundException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.getWriter().print("FacilityNotFoundException");
        } catch (EJBAccessException e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.getWriter().print("EJBAccessException");
        }
    }

    private Object call(String method, HttpServletRequest r) {
        return switch (method) {
            case "facilities" -> model.facilities().stream().map(FacilityRow::facilityCode)
                    .collect(Collectors.joining(","));
            case "facility" -> model.facility(id(r, "id"));
            case "createFacility" -> model.createFacility(facility(r));
            case "editFacility" -> done(() -> model.editFacility(id(r, "id"), facility(r)));
            case "facilityEnabled" -> done(() -> model.setFacilityEnabled(id(r, "id"), enabled(r)));
            case "createDevice" -> token(model.createDevice(id(r, "facility"), r.getParameter("code"),
                    r.getParameter("name")));
            case "renameDevice" -> done(() -> model.renameDevice(id(r, "id"), r.getParameter("name")));
            case "deviceEnabled" -> done(() -> model.setDeviceEnabled(id(r, "id"), enabled(r)));
            case "rotate" -> token(model.rotateDeviceToken(id(r, "id")));
            case "createPoint" -> model.createPoint(id(r, "facility"), point(r));
            case "editPoint" -> done(() -> model.editPoint(id(r, "id"), point(r)));
            case "pointEnabled" -> done(() -> model.setPointEnabled(id(r, "id"), enabled(r)));
            case "dashboard" -> dashboard.overview().stream().map(FacilityOverview::code)
                    .collect(Collectors.joining(","));
            case "layoutFacilities" -> layouts.facilities().stream().map(ReportFacility::code)
                    .collect(Collectors.joining(","));
            case "layout" -> layouts.layout(id(r, "facility")).facility().code();
            case "useDefaultLayout" -> done(() -> layouts.useDefault(id(r, "facility")));
            case "setFacilities" -> done(() -> users.setFacilities(id(r, "user"), Arrays.stream(
                    r.getParameter("facilities").split(",")).filter(f -> !f.isEmpty()).map(Long::valueOf)
                    .collect(Collectors.toSet())));
            case "setRole" -> done(() -> users.setRole(id(r, "user"), Role.valueOf(r.getParameter("role"))));
            case "userEnabled" -> done(() -> users.setEnabled(id(r, "user"), enabled(r)));
            case "createUser" -> users.create(new NewUser(r.getParameter("login"), "限定管理者が作成", r.getParameter("login")
                    + "@it-model.test", Role.OPERATOR, "ja"));
            default -> throw new IllegalArgumentException(method);
        };
    }

    private static String done(Runnable action) {
        action.run();
        return "ok";
    }

    private static String token(DeviceToken token) {
        return token.deviceId() + " " + token.token();
    }

    private static FacilityForm facility(HttpServletRequest r) {
        return new FacilityForm(r.getParameter("code"), r.getParameter("name"),
                r.getParameter("kind") == null ? null : FacilityKind.valueOf(r.getParameter("kind")),
                integer(r, "order"));
    }

    private static PointForm point(HttpServletRequest r) {
        String device = r.getParameter("device");
        return new PointForm(device == null ? null : Long.valueOf(device), r.getParameter("code"), r.getParameter("name"),
                r.getParameter("kind") == null ? null : PointKind.valueOf(r.getParameter("kind")), r.getParameter("unit"),
                number(r, "low"), number(r, "high"), integer(r, "decimals"), r.getParameter("labels"),
                integer(r, "order"));
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
