package jp.suijin.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Errors JAX-RS raises itself (wrong method, media type, path) answered in the API's JSON shape,
 * keeping their headers (e.g. Allow on a 405).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String reason = status.getReasonPhrase();
        String code = reason == null || reason.isBlank() ? "http_" + status.getStatusCode()
                : reason.toLowerCase(Locale.ROOT).replace(' ', '_');
        Response json = ApiError.response(status, code, reason == null || reason.isBlank()
                ? "HTTP " + status.getStatusCode() : reason);
        return Response.fromResponse(e.getResponse()).entity(json.getEntity()).type(json.getMediaType()).build();
    }
}
