package jp.suijin.telemetry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SampleStorageTest {

    @Test
    void rawRetentionDefaultsToTwoYearsAndRefusesLessThanAYear() {
        assertEquals(730, SampleStorage.retentionDays(null));
        assertEquals(1000, SampleStorage.retentionDays(" 1000 "));
        assertTrue(assertThrows(IllegalStateException.class, () -> SampleStorage.retentionDays("365")).getMessage()
                .contains("at least 366 days"));
        assertTrue(assertThrows(IllegalStateException.class, () -> SampleStorage.retentionDays("two years")).getMessage()
                .contains("is not a number of days"));
    }

    @Test
    void statisticsAreKeptTenYearsAndNeverShorterThanRawSamples() {
        assertEquals(3653, SampleStorage.rollupRetentionDays(null, 730));
        assertEquals(4000, SampleStorage.rollupRetentionDays(null, 4000), "a longer raw retention raises the default");
        assertEquals(800, SampleStorage.rollupRetentionDays("800", 730));
        assertTrue(assertThrows(IllegalStateException.class, () -> SampleStorage.rollupRetentionDays("700", 730))
                .getMessage().contains("at least as long as raw samples (730 days)"));
    }
}
