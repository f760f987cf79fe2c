package jp.suijin.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A fault of ours: logged in full under a reference, answered without internals. */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Exception e) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "API request failed, reference " + reference, e);
        return ApiError.response(Response.Status.INTERNAL_SERVER_ERROR, "internal_error",
                "The server could not complete the request (reference " + reference + ")");
    }
}
