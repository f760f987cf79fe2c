package jp.suijin.audit.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The audit writer's bounded queue. A full queue holds the caller back for up to {@code patience};
 * what still finds no room is counted and logged at SEVERE with the record itself (already free
 * of secrets), never dropped silently.
 */
final class RecordQueue<T> {

    private static final Logger LOG = Logger.getLogger(RecordQueue.class.getName());

    private final BlockingQueue<T> queue;
    private final Duration patience;
    private final AtomicLong lost = new AtomicLong();

    RecordQueue(int capacity, Duration patience) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.patience = patience;
    }

    /** @return whether the record was queued; if not, it was reported as lost */
    boolean put(T record) {
        try {
            if (queue.offer(record, patience.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lost(1, "queue full", record);
        return false;
    }

    /** Waits up to {@code wait} for a first record, then a moment ({@code linger}) for more; adds up to {@code max}. */
    void take(List<T> into, int max, Duration wait, Duration linger) throws InterruptedException {
        T first = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return;
        }
        into.add(first);
        if (queue.size() < max && !linger.isZero()) {
            Thread.sleep(linger.toMillis());
        }
        queue.drainTo(into, max - 1);
    }

    /** Counts records that cannot be written after all (e.g. the database stayed away at shutdown). */
    void lost(int count, String why, Object what) {
        lost.addAndGet(count);
        LOG.severe(() -> "AUDIT RECORD LOST (" + why + "): " + what);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    int size() {
        return queue.size();
    }

    long lostCount() {
        return lost.get();
    }
}
