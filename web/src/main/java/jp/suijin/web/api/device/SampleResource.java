package jp.suijin.web.api.device;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import jp.suijin.telemetry.AuthenticatedDevice;
import jp.suijin.telemetry.DeviceAuthenticationException;
import jp.suijin.telemetry.IngestConflictException;
import jp.suijin.telemetry.IngestResult;
import jp.suijin.telemetry.IngestService;
import jp.suijin.telemetry.SampleInput;
import jp.suijin.telemetry.SampleRejection;
import jp.suijin.web.api.ApiError;

/**
 * {@code POST /api/device/v1/samples} with {@code Authorization: Bearer <device token>}. Served
 * only on the device listener (see ListenerGuardFilter). The token alone identifies the device and is
 * checked before the body is read; the body's {@code "device"} must then be that device's code.
 */
@Path("device/v1/samples")
@RequestScoped
public class SampleResource {

    /** Largest body accepted, so one device cannot tie up memory with a huge request. */
    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    private static final String BEARER = "Bearer ";
    /** Tries of a batch the database rolled back for a concurrent writer. */
    static final int ATTEMPTS = 3;

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
        if (authorization == null || !authorization.startsWith(BEARER)
                || authorization.substring(BEARER.length()).isBlank()) {
            return unauthorized("send the device token as \"Authorization: Bearer <token>\"");
        }
        String token = authorization.substring(BEARER.length()).strip();
        // the token first: a wrong one costs no reading and no parsing of what may be a large body
        AuthenticatedDevice device;
        try {
            device = ingestService.authenticate(token);
        } catch (DeviceAuthenticationException e) {
            return unauthorized("unknown device or wrong token");
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
        if (!batch.device().equals(device.code())) {
            // a device configured with another device's token; nothing about other devices is looked up
            return ApiError.response(Response.Status.BAD_REQUEST, "device_mismatch", "the token is not that of device '"
                    + abbreviated(batch.device()) + "'; the batch names the device its token belongs to");
        }
        IngestResult result;
        try {
            result = ingest(device.id(), token, batch.samples());
        } catch (DeviceAuthenticationException e) {
            return unauthorized("unknown device or wrong token");
        } catch (IngestConflictException e) {
            return Response.fromResponse(ApiError.response(Response.Status.SERVICE_UNAVAILABLE, "busy",
                    "the batch met concurrent writes " + ATTEMPTS + " times and was not stored; send it again"))
                    .header(HttpHeaders.RETRY_AFTER, 1).build();
        }
        JsonArrayBuilder rejected = SampleBatchParser.JSON.createArrayBuilder();
        for (SampleRejection r : result.rejected()) {
            var entry = SampleBatchParser.JSON.createObjectBuilder().add("index", r.index()).add("reason", r.reason());
            if (r.point() != null) {
                entry.add("point", r.point());
            }
            rejected.add(entry);
        }
        return Response.ok(SampleBatchParser.JSON.createObjectBuilder()
                .add("accepted", result.accepted())
                .add("rejected", rejected)
                .build().toString(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }

    /**
     * A batch rolled back for a concurrent writer is stored by a second attempt almost always: doing
     * that here spares the device a failed request (the batch is idempotent either way).
     */
    private IngestResult ingest(long deviceId, String token, List<SampleInput> samples) {
        for (int attempt = 1;; attempt++) {
            try {
                return ingestService.ingest(deviceId, token, samples);
            } catch (IngestConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50) * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static String abbreviated(String deviceCode) {
        return deviceCode.length() <= 64 ? deviceCode : deviceCode.substring(0, 64) + "...";
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
