package jp.suijin.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** Errors JAX-RS raises itself (wrong method, media type, path) answered in the API's JSON shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return ApiError.response(status, status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_'),
                status.getReasonPhrase());
    }
}
