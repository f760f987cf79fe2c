package jp.suijin.web.api.device;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import jp.suijin.telemetry.IngestService;
import jp.suijin.telemetry.SampleInput;

/**
 * Reads a device's batch:
 * <pre>{"device": "JS01-TM1", "samples": [{"point": "LI-101", "time": "2026-11-28T09:00:00+09:00",
 *   "value": 3.21, "quality": "good"}]}</pre>
 * A malformed document is refused whole; a malformed sample is passed on with its problem, so the
 * good samples of the batch are still stored.
 */
final class SampleBatchParser {

    /**
     * Looked up once: {@code Json.createReader} and the like search the class path for a provider on
     * every call, which cost a device request more than reading its samples.
     */
    static final JsonProvider JSON = JsonProvider.provider();

    record Batch(String device, List<SampleInput> samples) {
    }

    /** The whole request cannot be used; the message names what is wrong. */
    static final class MalformedBatchException extends Exception {

        private static final long serialVersionUID = 1L;

        MalformedBatchException(String message) {
            super(message, null, false, false);
        }
    }

    /** More samples than {@link IngestService#MAX_SAMPLES_PER_BATCH}. */
    static final class TooManySamplesException extends Exception {

        private static final long serialVersionUID = 1L;

        TooManySamplesException(int count) {
            super("the batch has " + count + " samples; at most " + IngestService.MAX_SAMPLES_PER_BATCH
                    + " are allowed per request", null, false, false);
        }
    }

    private SampleBatchParser() {
    }

    /** @throws IOException if reading the body failed, e.g. it exceeded its size limit */
    static Batch parse(InputStream body) throws MalformedBatchException, TooManySamplesException, IOException {
        JsonValue document;
        try (JsonReader reader = JSON.createReader(body)) {
            document = reader.readValue();
        } catch (JsonException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new MalformedBatchException("the body is not valid UTF-8");
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            var at = e instanceof JsonParsingException p ? p.getLocation() : null;
            throw new MalformedBatchException("the body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")"));
        }
        if (document.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedBatchException("the body must be a JSON object with \"device\" and \"samples\"");
        }
        JsonObject root = document.asJsonObject();
        JsonValue device = root.get("device");
        if (!(device instanceof JsonString deviceId) || deviceId.getString().isBlank()) {
            throw new MalformedBatchException("\"device\" must be the device id as a non-empty string");
        }
        JsonValue samples = root.get("samples");
        if (!(samples instanceof JsonArray list)) {
            throw new MalformedBatchException("\"samples\" must be an array of samples");
        }
        if (list.size() > IngestService.MAX_SAMPLES_PER_BATCH) {
            throw new TooManySamplesException(list.size());
        }
        List<SampleInput> inputs = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            inputs.add(sample(i, list.get(i)));
        }
        return new Batch(deviceId.getString(), inputs);
    }

    private static SampleInput sample(int index, JsonValue v) {
        if (!(v instanceof JsonObject s)) {
            return new SampleInput(index, null, null, null, null, "a sample must be a JSON object");
        }
        String point = string(s, "point");
        String time = string(s, "time");
        String quality = string(s, "quality");
        JsonValue value = s.get("value");
        String problem = null;
        if (s.containsKey("point") && point == null) {
            problem = "\"point\" must be a string";
        } else if (s.containsKey("time") && time == null) {
            problem = "\"time\" must be a string";
        } else if (s.containsKey("quality") && quality == null) {
            problem = "\"quality\" must be a string";
        } else if (value != null && !(value instanceof JsonNumber) && value != JsonValue.NULL) {
            problem = "\"value\" must be a number";
        }
        Double number = value instanceof JsonNumber n ? n.doubleValue() : null;
        return new SampleInput(index, point, time, number, quality, problem);
    }

    private static String string(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : null;
    }
}
