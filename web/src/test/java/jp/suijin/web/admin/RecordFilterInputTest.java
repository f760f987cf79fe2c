package jp.suijin.web.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class RecordFilterInputTest {

    @Test
    void statusIsACodeOrAClass() {
        assertArrayEquals(new int[] {404, 404}, RecordFilterInput.statusRange(" 404 "));
        assertArrayEquals(new int[] {400, 499}, RecordFilterInput.statusRange("4xx"));
        assertArrayEquals(new int[] {500, 599}, RecordFilterInput.statusRange("5XX"));
        assertNull(RecordFilterInput.statusRange("  "));
        assertNull(RecordFilterInput.statusRange(null));
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"40", "4x", "600", "6xx", "abc", "404 OR 1=1", "0xx"}) {
            assertThrows(IllegalArgumentException.class, () -> RecordFilterInput.statusRange(bad), bad);
        }
    }

    @Test
    void pickedTimesAreJapanTime() {
        assertEquals(Instant.parse("2026-01-31T15:00:00Z"), RecordFilterInput.instant(LocalDateTime.of(2026, 2, 1, 0, 0)));
        assertNull(RecordFilterInput.instant(null));
    }

    @Test
    void blankTextsAreNoFilter() {
        assertNull(RecordFilterInput.text(" "));
        assertEquals("demo.admin", RecordFilterInput.text(" demo.admin "));
    }
}
