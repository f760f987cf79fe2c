package jp.suijin.it.telemetry;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Collectors;
import jp.suijin.telemetry.FacilityNotFoundException;
import jp.suijin.telemetry.FacilityOverview;
import jp.suijin.telemetry.FacilityService;

/**
 * Calls FacilityService as the signed-in caller (Basic authentication against the real identity
 * store, see TenantIsolationITSecurity) and answers what the service returned: 200 with facility codes, 404 for
 * FacilityNotFoundException, 403 for EJBAccessException.
 */
@WebServlet("/probe/*")
@DeclareRoles({"ADMIN", "OPERATOR", "VIEWER", "SERVICE_OPERATOR"})
@ServletSecurity(@HttpConstraint(rolesAllowed = {"ADMIN", "OPERATOR", "VIEWER", "SERVICE_OPERATOR"}))
public class TenantIsolationITServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private FacilityService facilities;

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        try {
            if ("/overview".equals(request.getPathInfo())) {
                response.getWriter().print(facilities.overview().stream().map(FacilityOverview::code)
                        .collect(Collectors.joining(",")));
            } else {
                // the id is looked up unscoped on purpose: the service alone must refuse a foreign one
                long id = em.createQuery("SELECT f.id FROM Facility f WHERE f.code = :code", Long.class)
                        .setParameter("code", request.getParameter("code")).getSingleResult();
                response.getWriter().print(facilities.facility(id).code());
            }
        } catch (FacilityNotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "EJBAccessException");
        }
    }
}
