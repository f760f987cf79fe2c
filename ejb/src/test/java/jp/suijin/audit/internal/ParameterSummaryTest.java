package jp.suijin.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ParameterSummaryTest {

    @SuppressWarnings("unused")
    static class Calls {

        void shelve(long pointId, Instant until, String reason) {
        }

        void rename(long facilityId, String name, String password) {
        }
    }

    private static Method method(String name) {
        for (Method m : Calls.class.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void aReasonIsKeptAsLongAsTheFormsAllowOtherTextIsCutAndSecretsAreHidden() {
        String reason = "点検のため".repeat(120);
        ParameterSummary shelve = ParameterSummary.of(method("shelve"),
                new Object[] {7L, Instant.parse("2026-12-01T00:00:00Z"), reason});
        assertEquals("pointId=7", shelve.targets());
        assertEquals("until=2026-12-01T00:00:00Z, reason=" + reason.substring(0, ParameterSummary.MAX_JUSTIFICATION) + "…",
                shelve.parameters());

        ParameterSummary rename = ParameterSummary.of(method("rename"), new Object[] {3L, "x".repeat(150), "hunter2"});
        assertEquals("facilityId=3", rename.targets());
        assertEquals("name=" + "x".repeat(100) + "…, password=***", rename.parameters());
    }
}
