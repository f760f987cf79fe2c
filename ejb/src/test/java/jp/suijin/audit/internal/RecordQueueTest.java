package jp.suijin.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class RecordQueueTest {

    @Test
    void aFullQueueHoldsTheCallerBackThenReportsTheRecordAsLost() {
        List<LogRecord> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(RecordQueue.class.getName());
        log.addHandler(capture);
        try {
            RecordQueue<String> queue = new RecordQueue<>(2, Duration.ofMillis(50));
            assertTrue(queue.put("a"));
            assertTrue(queue.put("b"));
            long start = System.nanoTime();
            assertFalse(queue.put("c: authn_login_fail it-user"));
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(40).toNanos(), "the caller was held back first");
            assertEquals(1, queue.lostCount());
            assertEquals(2, queue.size());
            assertEquals(1, logged.size());
            assertEquals(Level.SEVERE, logged.get(0).getLevel());
            assertTrue(logged.get(0).getMessage().contains("AUDIT RECORD LOST (queue full): c: authn_login_fail it-user"));
        } finally {
            log.removeHandler(capture);
        }
    }

    @Test
    void everythingQueuedCanBeTakenOutInBatches() throws InterruptedException {
        RecordQueue<Integer> queue = new RecordQueue<>(10, Duration.ofMillis(10));
        for (int i = 0; i < 5; i++) {
            queue.put(i);
        }
        List<Integer> batch = new ArrayList<>();
        queue.take(batch, 3, Duration.ofMillis(10), Duration.ZERO);
        assertEquals(List.of(0, 1, 2), batch);
        batch.clear();
        queue.take(batch, 3, Duration.ofMillis(10), Duration.ofMillis(1));
        assertEquals(List.of(3, 4), batch);
        assertTrue(queue.isEmpty());
        batch.clear();
        queue.take(batch, 3, Duration.ofMillis(10), Duration.ZERO);
        assertEquals(List.of(), batch, "nothing waiting: nothing taken");
    }
}
