package jp.suijin.web.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jp.suijin.resilience.DatabaseOutage;
import jp.suijin.web.UnexpectedErrors;
import jp.suijin.web.filter.UnexpectedErrorFilter;

/**
 * A fault of ours: logged under a reference (each kind once in full, repeats counted), answered
 * without internals. A database that cannot be reached is no fault of the request: 503 with
 * Retry-After, and the outage is logged once by {@link DatabaseOutage}.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Exception> {

    /** Seconds a device waits before sending again while the database is unreachable. */
    static final int RETRY_AFTER_SECONDS = 30;

    @Inject
    private DatabaseOutage outage;

    @Inject
    private UnexpectedErrors errors;

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(Exception e) {
        if (outage.failed(e)) {
            return Response.fromResponse(ApiError.response(Response.Status.SERVICE_UNAVAILABLE, "database_unavailable",
                    "the service cannot reach its database at the moment; nothing was stored, send again later"))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        // Jersey may map one request's exception twice (seen with an EJBException): counted and logged once
        String reference = (String) request.getAttribute(UnexpectedErrorFilter.REFERENCE);
        if (reference == null) {
            reference = errors.unexpected("API request " + request.getMethod() + " " + request.getRequestURI(), e);
            request.setAttribute(UnexpectedErrorFilter.REFERENCE, reference);
        }
        return ApiError.response(Response.Status.INTERNAL_SERVER_ERROR, "internal_error",
                "The server could not complete the request (reference " + reference + ")");
    }
}
