package jp.suijin.time;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * UTC system time, which a test domain may move forward so tests of expiry and timeouts never sleep.
 * Moving is refused unless the domain sets {@value #MOVABLE_PROPERTY}=true, which only the test
 * stack does. Serializable as the one instance it is, so view-scoped pages can hold it.
 */
public final class SuijinClock extends Clock implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final String MOVABLE_PROPERTY = "suijin.clock.movable";
    static final SuijinClock INSTANCE = new SuijinClock();

    private final transient AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private SuijinClock() {
    }

    private Object readResolve() {
        return INSTANCE;
    }

    /** Moves this server's time forward for every service (tests only). */
    public static void advance(Duration by) {
        if (!Boolean.getBoolean(MOVABLE_PROPERTY)) {
            throw new IllegalStateException("the clock can only be moved on a test domain (" + MOVABLE_PROPERTY + ")");
        }
        INSTANCE.offset.updateAndGet(o -> o.plus(by));
    }

    /** Back to real time (tests only). */
    public static void reset() {
        advance(Duration.ZERO);
        INSTANCE.offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Suijin's clock is UTC; convert instants for display instead");
    }
}
