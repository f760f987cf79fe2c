package jp.suijin.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Keeps the two sides apart: the device API answers only on the device listener (closed network),
 * and nothing else answers there. The device listener's port comes from the system property
 * {@code suijin.device.port} that domain-config sets (read per request, so re-applying the
 * configuration takes effect at once); without it the device API is closed.
 */
@WebFilter(filterName = "ListenerGuardFilter")
public class ListenerGuardFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ListenerGuardFilter.class.getName());

    @Override
    public void init() {
        if (Integer.getInteger("suijin.device.port") == null) {
            LOG.warning("System property suijin.device.port is not set: the device API is closed (apply domain-config)");
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Integer devicePort = Integer.getInteger("suijin.device.port");
        boolean deviceSide = devicePort != null && request.getLocalPort() == devicePort;
        if (deviceSide != isDeviceApi(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Decided on what the container mapped (decoded and normalised), not on the raw URI, so
     * {@code /api/device/../../login.xhtml} or {@code %2e%2e} cannot pass for the device API.
     */
    static boolean isDeviceApi(HttpServletRequest request) {
        String info = request.getPathInfo();
        return "/api".equals(request.getServletPath()) && info != null && info.startsWith("/device/");
    }
}
