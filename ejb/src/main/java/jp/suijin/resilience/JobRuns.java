package jp.suijin.resilience;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each periodic job last started, so health can tell a timer service that stopped firing. A job
 * counts as run even when it skips its work during a database outage: the timer itself is alive.
 */
@ApplicationScoped
public class JobRuns implements HealthContributor {

    /** A job that fires every few seconds and has not for this long is stuck or its timer is gone. */
    static final Duration LATE = Duration.ofMinutes(2);

    @Inject
    private Clock clock;

    private final Map<String, Instant> last = new ConcurrentHashMap<>();

    /** Called by a job each time its timer fires. */
    public void ran(String job) {
        last.put(job, clock.instant());
    }

    @Override
    public CheckResult check() {
        Instant now = clock.instant();
        boolean up = true;
        Map<String, String> data = new LinkedHashMap<>();
        for (Map.Entry<String, Instant> e : new java.util.TreeMap<>(last).entrySet()) {
            boolean late = Duration.between(e.getValue(), now).compareTo(LATE) > 0;
            up &= !late;
            data.put(e.getKey(), e.getValue() + (late ? " (late)" : ""));
        }
        return new CheckResult("timers", up, data);
    }
}
