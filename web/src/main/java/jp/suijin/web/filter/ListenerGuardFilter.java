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
 * {@code suijin.device.port} that domain-config sets; without it the device API is closed.
 */
@WebFilter(filterName = "ListenerGuardFilter", urlPatterns = "/*")
public class ListenerGuardFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ListenerGuardFilter.class.getName());
    static final String DEVICE_API = "/api/device/";

    private Integer devicePort;

    @Override
    public void init() {
        devicePort = Integer.getInteger("suijin.device.port");
        if (devicePort == null) {
            LOG.warning("System property suijin.device.port is not set: the device API is closed (apply domain-config)");
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean deviceSide = devicePort != null && request.getLocalPort() == devicePort;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (deviceSide != path.startsWith(DEVICE_API)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
