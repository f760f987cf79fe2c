package jp.suijin.web.service;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.suijin.resilience.CheckResult;
import jp.suijin.resilience.Health;

/**
 * {@code GET /health} and {@code /health/ready} (ready to serve), {@code /health/live} (running at
 * all): for load balancers, anonymous, so they say only {@code {"status":"UP"}} with 200 or
 * {@code {"status":"DOWN"}} with 503. Which part failed and why is on the service operators' health
 * page. Payara's own MicroProfile endpoint, which would answer here with every check's data, is
 * switched off (domain-config/asadmin/55-health.asadmin).
 */
@WebServlet(urlPatterns = {"/health", "/health/ready", "/health/live"})
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private Health health;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean up = request.getServletPath().equals("/health/live") ? health.liveness().up()
                : health.readiness().stream().allMatch(CheckResult::up);
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().print(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }
}
