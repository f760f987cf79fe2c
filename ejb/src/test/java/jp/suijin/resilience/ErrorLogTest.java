package jp.suijin.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ErrorLogTest {

    private final List<String> lines = new ArrayList<>();
    private final MovableClock clock = new MovableClock();
    private final ErrorLog log = new ErrorLog(logger(), clock);

    @Test
    void theSameErrorIsWrittenOnceWithABoundedTraceThenCountedOncePerMinute() {
        Set<String> references = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            references.add(log.unexpected("API request POST /x", failure()));
        }
        assertEquals(50, references.size(), "every answer has its own reference");
        assertEquals(1, lines.size(), lines.toString());
        String first = lines.get(0);
        assertTrue(first.contains("API request POST /x failed, reference "), first);
        assertTrue(first.contains("Caused by: java.sql.SQLException: no such table"), first);
        assertTrue(first.lines().count() <= 2 * (ErrorLog.FRAMES + 2), "bounded: " + first.lines().count() + " lines");

        clock.move(ErrorLog.COUNT_EVERY);
        String latest = log.unexpected("API request POST /x", failure());
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).contains("happened 50 more time(s)"), lines.get(1));
        assertTrue(lines.get(1).contains("51 in all"), lines.get(1));
        assertTrue(lines.get(1).contains(latest), lines.get(1));
        assertEquals(1, lines.get(1).lines().count(), "a count is one line");
    }

    @Test
    void anotherKindOfErrorIsWrittenInFullToo() {
        log.unexpected("a", failure());
        log.unexpected("b", new IllegalStateException("other"));
        assertEquals(2, lines.size());
        assertNotEquals(ErrorLog.kind(failure()), ErrorLog.kind(new IllegalStateException("other")));
    }

    @Test
    void aDeepTraceIsCut() {
        String trace = ErrorLog.trace(deep(300));
        assertTrue(trace.contains("... "), trace);
        assertTrue(trace.lines().count() <= ErrorLog.CAUSES * (ErrorLog.FRAMES + 2), trace);
    }

    @Test
    void aLostConnectionAnywhereInTheChainIsAnOutageOtherFailuresAreNot() {
        assertTrue(DatabaseOutage.isOutage(new RuntimeException(new SQLException("pool",
                new SQLNonTransientConnectionException("Socket fail to connect")))));
        assertTrue(DatabaseOutage.isOutage(new SQLException("Communications link failure", "08S01")));
        assertTrue(!DatabaseOutage.isOutage(new RuntimeException(new SQLException("no such table", "42S02"))));
        assertTrue(!DatabaseOutage.isOutage(new java.io.IOException("Broken pipe")));
        // MariaDB's driver: a SIGNAL of a trigger, not a connection fault
        assertTrue(!DatabaseOutage.isOutage(new java.sql.SQLTransientConnectionException("refused", "45000")));
    }

    private static RuntimeException failure() {
        return new RuntimeException("storing failed", new SQLException("no such table", "42S02"));
    }

    private static RuntimeException deep(int depth) {
        return depth == 0 ? new RuntimeException("deep") : deep(depth - 1);
    }

    private Logger logger() {
        Logger l = Logger.getAnonymousLogger();
        l.setUseParentHandlers(false);
        l.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return l;
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T00:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
