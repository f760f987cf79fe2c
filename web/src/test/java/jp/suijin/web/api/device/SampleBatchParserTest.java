package jp.suijin.web.api.device;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import jp.suijin.telemetry.SampleInput;
import org.junit.jupiter.api.Test;

class SampleBatchParserTest {

    @Test
    void readsDeviceAndSamples() throws Exception {
        SampleBatchParser.Batch batch = SampleBatchParser.parse(in("""
                {"device": "JS01-TM1", "samples": [
                  {"point": "LI-101", "time": "2026-11-28T09:00:00+09:00", "value": 3.21, "quality": "good"},
                  {"point": "P1-RUN", "time": "2026-11-28T09:00:00+09:00", "value": 1}
                ]}"""));

        assertEquals("JS01-TM1", batch.device());
        assertEquals(new SampleInput(0, "LI-101", "2026-11-28T09:00:00+09:00", 3.21, "good", null), batch.samples().get(0));
        assertEquals(1.0, batch.samples().get(1).value());
        assertNull(batch.samples().get(1).quality());
    }

    @Test
    void aMalformedSampleIsKeptWithItsProblem() throws Exception {
        SampleBatchParser.Batch batch = SampleBatchParser.parse(in("""
                {"device": "D", "samples": [{"point": "A", "time": "t", "value": "high"}, 42, {"point": 7}]}"""));

        assertEquals("\"value\" must be a number", batch.samples().get(0).problem());
        assertEquals("a sample must be a JSON object", batch.samples().get(1).problem());
        assertEquals("\"point\" must be a string", batch.samples().get(2).problem());
    }

    @Test
    void aMalformedDocumentIsRefusedWithItsLocation() {
        var e = assertThrows(SampleBatchParser.MalformedBatchException.class,
                () -> SampleBatchParser.parse(in("{\"device\": \"D\",\n \"samples\": [}")));
        assertTrue(e.getMessage().startsWith("the body is not valid JSON (line 2"), e.getMessage());
    }

    @Test
    void missingPartsAreNamed() {
        assertEquals("\"device\" must be the device id as a non-empty string", assertThrows(
                SampleBatchParser.MalformedBatchException.class, () -> SampleBatchParser.parse(in("{\"samples\": []}")))
                .getMessage());
        assertEquals("\"samples\" must be an array of samples", assertThrows(
                SampleBatchParser.MalformedBatchException.class, () -> SampleBatchParser.parse(in("{\"device\": \"D\"}")))
                .getMessage());
    }

    @Test
    void tooManySamplesAreRefusedWhole() {
        String samples = "{},".repeat(10_000) + "{}";
        var e = assertThrows(SampleBatchParser.TooManySamplesException.class,
                () -> SampleBatchParser.parse(in("{\"device\": \"D\", \"samples\": [" + samples + "]}")));
        assertTrue(e.getMessage().contains("10001 samples"), e.getMessage());
    }

    @Test
    void aBodyOverTheLimitFailsAsAnIoProblemNotAsBadJson() {
        InputStream big = new LimitedInputStream(in("{\"device\": \"" + "x".repeat(100) + "\"}"), 50);
        assertThrows(LimitedInputStream.LimitExceededException.class, () -> SampleBatchParser.parse(big));
    }

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDeeplyNestedBodyIsRefusedNamingTheLimit() {
        String deep = "{\"device\": \"D\", \"samples\": [" + "[".repeat(100_000) + "]".repeat(100_000) + "]}";
        var e = assertThrows(SampleBatchParser.MalformedBatchException.class, () -> SampleBatchParser.parse(in(deep)));
        assertTrue(e.getMessage().startsWith("the body nests arrays and objects deeper than 8 levels (line 1, column"),
                e.getMessage());
        // a device's own nested fields within the limit are ignored
        assertEquals(1, assertDoesNotThrow(() -> SampleBatchParser.parse(in("""
                {"device": "D", "meta": {"a": [[{"b": [1]}]]}, "samples": [{"point": "A", "x": {"y": [1]}}]}""")))
                .samples().size());
    }

    @Test
    void aVeryLongNumberIsRefusedNamingTheLimit() {
        String big = "{\"device\": \"D\", \"samples\": [{\"point\": \"A\", \"value\": " + "9".repeat(5000) + "}]}";
        var e = assertThrows(SampleBatchParser.MalformedBatchException.class, () -> SampleBatchParser.parse(in(big)));
        assertTrue(e.getMessage().startsWith("a number of 5000 characters (line 1"), e.getMessage());
        assertTrue(e.getMessage().endsWith("numbers may have at most 64 characters"), e.getMessage());
        var exponent = assertThrows(SampleBatchParser.MalformedBatchException.class, () -> SampleBatchParser.parse(
                in("{\"device\": \"D\", \"samples\": [{\"value\": 1e99999999999}]}")));
        assertTrue(exponent.getMessage().contains("is beyond the magnitude a number may have"), exponent.getMessage());
    }

    @Test
    void aHugeOrNonFiniteValueIsLeftToThePerSampleChecks() throws Exception {
        SampleBatchParser.Batch batch = SampleBatchParser.parse(in("""
                {"device": "D", "samples": [{"point": "A", "value": 1e400}, {"point": "A", "value": "NaN"},
                  {"point": "A", "value": "-Infinity"}, {"point": "A", "value": 1.7e308}]}"""));
        assertEquals(Double.POSITIVE_INFINITY, batch.samples().get(0).value());
        assertNull(batch.samples().get(0).problem());
        assertEquals("\"value\" must be a finite number; \"NaN\" is not one", batch.samples().get(1).problem());
        assertEquals("\"value\" must be a finite number; \"-Infinity\" is not one", batch.samples().get(2).problem());
        assertEquals(1.7e308, batch.samples().get(3).value());
    }

    @Test
    void bareNanAndTrailingValuesAreNotJson() {
        assertTrue(assertThrows(SampleBatchParser.MalformedBatchException.class, () -> SampleBatchParser.parse(
                in("{\"device\": \"D\", \"samples\": [{\"value\": NaN}]}"))).getMessage()
                .startsWith("the body is not valid JSON (line 1"));
        assertTrue(assertThrows(SampleBatchParser.MalformedBatchException.class, () -> SampleBatchParser.parse(
                in("{\"device\": \"D\", \"samples\": []} {}"))).getMessage().startsWith("the body"));
        assertTrue(assertThrows(SampleBatchParser.MalformedBatchException.class, () -> SampleBatchParser.parse(in("")))
                .getMessage().startsWith("the body is"));
    }
}
