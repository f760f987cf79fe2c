package jp.suijin.web.api.device;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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

    /**
     * Deepest nesting of arrays and objects accepted. A batch needs 3 (the document, its samples, a
     * sample); the rest leaves room for a device's own extra fields, which are ignored.
     */
    static final int MAX_DEPTH = 8;
    /**
     * Longest number accepted, in characters. A double needs at most 24 ("-2.2250738585072014E-308");
     * a device printing fixed decimals needs a few more. Longer is no measurement, and a provider
     * spends time and memory on each digit.
     */
    static final int MAX_NUMBER_LENGTH = 64;

    private static final Pattern NOT_FINITE = Pattern.compile("(?i)\\s*[+-]?(nan|inf|infinity)\\s*");

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
        try (JsonParser parser = JSON.createParser(body)) {
            if (!parser.hasNext()) {
                throw new MalformedBatchException("the body is empty");
            }
            document = value(parser, parser.next(), 1);
            if (parser.hasNext()) {
                parser.next();
                throw new MalformedBatchException("the body holds more than one JSON value" + at(parser.getLocation()));
            }
        } catch (JsonException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new MalformedBatchException("the body is not valid UTF-8");
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            var at = e instanceof JsonParsingException p ? p.getLocation() : null;
            throw new MalformedBatchException("the body is not valid JSON" + at(at));
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

    /**
     * The document as a tree, built here rather than by a JsonReader so that its depth and the length
     * of its numbers are bounded before anything is built: the provider's own limits (about 1,000
     * levels, 1,100 digits) throw exceptions that are no JsonException, and a deep tree costs a
     * recursion per level. The parser is streaming, so nothing deeper than the limit is ever held.
     */
    private static JsonValue value(JsonParser parser, JsonParser.Event event, int depth) throws MalformedBatchException {
        switch (event) {
            case START_OBJECT -> {
                nested(parser, depth);
                JsonObjectBuilder object = JSON.createObjectBuilder();
                for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_OBJECT; e = parser.next()) {
                    String key = parser.getString();
                    object.add(key, value(parser, parser.next(), depth + 1));
                }
                return object.build();
            }
            case START_ARRAY -> {
                nested(parser, depth);
                JsonArrayBuilder array = JSON.createArrayBuilder();
                for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_ARRAY; e = parser.next()) {
                    array.add(value(parser, e, depth + 1));
                }
                return array.build();
            }
            case VALUE_NUMBER -> {
                String number = parser.getString();
                if (number.length() > MAX_NUMBER_LENGTH) {
                    throw new MalformedBatchException("a number of " + number.length() + " characters" + at(parser
                            .getLocation()) + "; numbers may have at most " + MAX_NUMBER_LENGTH + " characters");
                }
                try {
                    return JSON.createValue(new BigDecimal(number));
                } catch (NumberFormatException e) {
                    // e.g. an exponent beyond 2^31
                    throw new MalformedBatchException("the number " + number + at(parser.getLocation())
                            + " is beyond the magnitude a number may have");
                }
            }
            case VALUE_STRING -> {
                return JSON.createValue(parser.getString());
            }
            case VALUE_TRUE -> {
                return JsonValue.TRUE;
            }
            case VALUE_FALSE -> {
                return JsonValue.FALSE;
            }
            case VALUE_NULL -> {
                return JsonValue.NULL;
            }
            default -> throw new MalformedBatchException("the body is not valid JSON" + at(parser.getLocation()));
        }
    }

    private static void nested(JsonParser parser, int depth) throws MalformedBatchException {
        if (depth > MAX_DEPTH) {
            throw new MalformedBatchException("the body nests arrays and objects deeper than " + MAX_DEPTH + " levels"
                    + at(parser.getLocation()));
        }
    }

    private static String at(JsonLocation at) {
        return at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
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
        } else if (value instanceof JsonString text && NOT_FINITE.matcher(text.getString()).matches()) {
            // JSON has no spelling for these; a device sending them as text meant a reading that is none
            problem = "\"value\" must be a finite number; \"" + text.getString() + "\" is not one";
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
