package jp.suijin.web.filter;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ResourceBundle;
import jp.suijin.resilience.DatabaseOutage;
import jp.suijin.web.UnexpectedErrors;

/**
 * What a page request fails with, handled here instead of by the container (which logs every
 * occurrence in full): a database that cannot be reached becomes the short 503 page with
 * Retry-After (the outage is logged once); anything else is logged once per kind under a
 * reference that the error page shows.
 */
@WebFilter(filterName = "UnexpectedErrorFilter")
public class UnexpectedErrorFilter extends HttpFilter {

    /** Request attribute holding the reference of the failure, for the error page. */
    public static final String REFERENCE = "suijin.errorReference";
    public static final int RETRY_AFTER_SECONDS = 30;
    static final String UNAVAILABLE_PAGE = "/WEB-INF/errors/unavailable.xhtml";
    private static final long serialVersionUID = 1L;

    @Inject
    private DatabaseOutage outage;

    @Inject
    private UnexpectedErrors errors;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            // an IOException is the client gone away, nothing to report
            if (outage.failed(e)) {
                unavailable(request, response);
                return;
            }
            String reference = errors.unexpected("Page request " + request.getMethod() + " " + request.getRequestURI(), e);
            if (!response.isCommitted()) {
                request.setAttribute(REFERENCE, reference);
                response.resetBuffer();
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
        }
    }

    /**
     * The answer to a page request while the database cannot be reached: 503 with Retry-After; the
     * short page (ja/en) for a GET, the status alone for an ajax request (e.g. the dashboard's poll,
     * which tries again later), and a plain text for any other request, such as a form post, whose
     * view state a forward to another Faces page could not restore.
     */
    public static void unavailable(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            return;
        }
        if ("GET".equals(request.getMethod())) {
            // forwarded, not sendError: Payara answered a 503 with its catch-all error page
            request.getRequestDispatcher(UNAVAILABLE_PAGE).forward(request, response);
            return;
        }
        ResourceBundle text = ResourceBundle.getBundle("jp.suijin.web.messages", request.getLocale());
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(text.getString("error.unavailable.title") + "\n" + text.getString("error.unavailable.text")
                + "\n");
    }
}
