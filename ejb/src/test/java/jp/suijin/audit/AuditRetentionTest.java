package jp.suijin.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuditRetentionTest {

    @Test
    void aYearAtLeast() {
        assertEquals(400, AuditRetention.parse(null));
        assertEquals(365, AuditRetention.parse("365"));
        assertTrue(assertThrows(IllegalStateException.class, () -> AuditRetention.parse("364")).getMessage()
                .contains("is refused: operation and access records are kept at least 365 days"));
        assertTrue(assertThrows(IllegalStateException.class, () -> AuditRetention.parse("a year")).getMessage()
                .contains("is not a number of days"));
    }
}
