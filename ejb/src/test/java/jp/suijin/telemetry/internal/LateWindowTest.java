package jp.suijin.telemetry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LateWindowTest {

    @Test
    void defaultsToSevenDaysAndIgnoresSettingsOutsideOneToNinety() {
        assertEquals(Duration.ofDays(7), DefaultIngestService.lateWindow(null));
        assertEquals(Duration.ofDays(30), DefaultIngestService.lateWindow(" 30 "));
        assertEquals(Duration.ofDays(7), DefaultIngestService.lateWindow("0"));
        assertEquals(Duration.ofDays(7), DefaultIngestService.lateWindow("91"));
        assertEquals(Duration.ofDays(7), DefaultIngestService.lateWindow("a week"));
    }
}
