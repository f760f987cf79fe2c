package jp.suijin.web.api.device;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import jp.suijin.telemetry.DeviceAuthenticationException;
import jp.suijin.telemetry.IngestResult;
import jp.suijin.telemetry.IngestService;
import jp.suijin.telemetry.SampleRejection;
import jp.suijin.web.api.ApiError;

/**
 * {@code POST /api/device/v1/samples} with {@code Authorization: Bearer <device token>}. Served
 * only on the device listener (see ListenerGuardFilter).
 */
@Path("device/v1/samples")
@RequestScoped
public class SampleResource {

    /** Largest body accepted, so one device cannot tie up memory with a huge request. */
    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    private static final String BEARER = "Bearer ";

    @Inject
    private IngestService ingestService;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        if (contentLength != null && contentLength > MAX_BODY_BYTES) {
            return tooLarge();
        }
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return unauthorized("send the device token as \"Authorization: Bearer <token>\"");
        }
        SampleBatchParser.Batch batch;
        try (LimitedInputStream limited = new LimitedInputStream(body, MAX_BODY_BYTES)) {
            batch = SampleBatchParser.parse(limited);
        } catch (LimitedInputStream.LimitExceededException e) {
            return tooLarge();
        } catch (SampleBatchParser.TooManySamplesException e) {
            return ApiError.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too_many_samples", e.getMessage());
        } catch (SampleBatchParser.MalformedBatchException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "malformed_batch", e.getMessage());
        } catch (IOException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "unreadable_body", "the request body could not be read");
        }
        IngestResult result;
        try {
            result = ingestService.ingest(batch.device(), authorization.substring(BEARER.length()).strip(),
                    batch.samples());
        } catch (DeviceAuthenticationException e) {
            return unauthorized("unknown device or wrong token");
        }
        JsonArrayBuilder rejected = Json.createArrayBuilder();
        for (SampleRejection r : result.rejected()) {
            var entry = Json.createObjectBuilder().add("index", r.index()).add("reason", r.reason());
            if (r.point() != null) {
                entry.add("point", r.point());
            }
            rejected.add(entry);
        }
        return Response.ok(Json.createObjectBuilder()
                .add("accepted", result.accepted())
                .add("rejected", rejected)
                .build().toString(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }

    private static Response tooLarge() {
        return ApiError.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, "body_too_large",
                "the request body exceeds " + MAX_BODY_BYTES + " bytes; split the batch");
    }

    private static Response unauthorized(String message) {
        Response r = ApiError.response(Response.Status.UNAUTHORIZED, "device_unauthorized", message);
        return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"suijin-device\"").build();
    }
}
