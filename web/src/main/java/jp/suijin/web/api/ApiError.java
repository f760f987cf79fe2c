package jp.suijin.web.api;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one shape of every API error: {@code {"error": "<code>", "message": "<what is wrong>"}}. */
public final class ApiError {

    private ApiError() {
    }

    public static Response response(Response.StatusType status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(Json.createObjectBuilder().add("error", code).add("message", message).build().toString())
                .build();
    }
}
