package jp.suijin.telemetry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleTimesTest {

    private static Instant general(String text) {
        return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void readsTheUsualFormsAsTheGeneralParserDoes() {
        for (String t : List.of("2026-11-28T09:00:00+09:00", "2026-11-28T00:00:00Z", "2026-11-28T00:00:00.250Z",
                "2026-11-28T00:00:00.1234567-05:30", "2026-11-28T23:59:59.999999999+14:00", "2024-02-29T12:00:00-00:00",
                "2026-11-28T09:00+09:00", "2026-11-28t09:00:00z", "2026-11-28T09:00:00+09:00:00", "2026-11-28T09:00:00.Z")) {
            try {
                Instant expected = general(t);
                assertEquals(expected, SampleTimes.parse(t), t);
            } catch (DateTimeParseException e) {
                assertThrows(DateTimeParseException.class, () -> SampleTimes.parse(t), t);
            }
        }
    }

    @Test
    void refusesWhatTheGeneralParserRefuses() {
        for (String t : List.of("2026-02-30T00:00:00Z", "2026-11-28T24:00:00Z", "2026-11-28T09:00:00+09:60",
                "2026-11-28T09:00:00+19:00", "2026-11-28T09:00:00", "2026-11-28 09:00:00Z", "2026-11-28T09:00:00.1234567891Z",
                "2026-13-01T00:00:00Z", "２０２６-11-28T09:00:00Z", "2026-11-28T09:00:00+0900", "yesterday")) {
            assertThrows(DateTimeParseException.class, () -> general(t), t);
            assertThrows(DateTimeParseException.class, () -> SampleTimes.parse(t), t);
        }
    }

    @Test
    void agreesWithTheGeneralParserOnRandomInstantsAndOffsets() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(-18 * 4, 18 * 4 + 1)) * 900);
            String text = OffsetDateTime.ofInstant(at, offset).toString();
            assertEquals(general(text), SampleTimes.parse(text), text);
        }
    }
}
