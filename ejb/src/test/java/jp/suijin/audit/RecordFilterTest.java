package jp.suijin.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import jp.suijin.admin.AdministrationException;
import org.junit.jupiter.api.Test;

class RecordFilterTest {

    private static final Instant NOW = Instant.parse("2026-01-02T00:00:00Z");

    private static String refused(RecordFilter f) {
        return assertThrows(AdministrationException.class, f::checked).field();
    }

    @Test
    void defaultsToTheLastDay() {
        RecordFilter f = RecordFilter.lastDay(NOW).checked();
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), f.from());
        assertEquals(NOW, f.to());
    }

    @Test
    void refusalsNameTheField() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals("from", refused(new RecordFilter(null, NOW, null, null, null, null, null, null)));
        assertEquals("to", refused(new RecordFilter(from, null, null, null, null, null, null, null)));
        assertEquals("to", refused(new RecordFilter(NOW, from, null, null, null, null, null, null)));
        assertEquals("prefix", refused(new RecordFilter(from, NOW, null, "x".repeat(101), null, null, null, null)));
        assertEquals("status", refused(new RecordFilter(from, NOW, null, null, null, 600, 699, null)));
        assertEquals("clientIp", refused(new RecordFilter(from, NOW, null, null, null, null, null, "1.2.3.4' OR")));
    }

    @Test
    void describesOnlyWhatWasChosen() {
        assertEquals("from=2026-01-01T00:00:00Z, to=2026-01-02T00:00:00Z, status=400-499",
                new RecordFilter(Instant.parse("2026-01-01T00:00:00Z"), NOW, null, null, null, 400, 499, null).describe());
    }
}
