package jp.suijin.resilience;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The service's health: readiness (can it serve now: the database pools, the mail relay and outbox,
 * the audit writer, the statistics backlog, the timers) and liveness (is the application running at
 * all, so a restart would help). Anonymous callers are told only UP or DOWN (see the web tier); the
 * checks' data is for service operators.
 */
@ApplicationScoped
public class Health {

    static final long REUSE_NANOS = 2_000_000_000L;

    @Inject
    @Any
    private Instance<HealthContributor> contributors;

    @Inject
    private DatabaseOutage outage;

    private record Answer(long at, List<CheckResult> checks) {
    }

    private volatile Answer last;

    /**
     * Every readiness check, by name; an answer is reused for {@link #REUSE_NANOS}, so anonymous
     * callers asking often cannot multiply the checks' queries and connections.
     */
    public List<CheckResult> readiness() {
        Answer a = last;
        long now = System.nanoTime();
        if (a == null || now - a.at() > REUSE_NANOS) {
            a = new Answer(now, check());
            last = a;
        }
        return a.checks();
    }

    private List<CheckResult> check() {
        List<CheckResult> checks = new ArrayList<>();
        String database = outage.probe();
        checks.add(new CheckResult("database", database == null, database == null
                ? Map.of("pools", "jdbc/suijin, jdbc/suijin-owner") : Map.of("problem", database)));
        for (HealthContributor c : contributors) {
            try {
                checks.add(c.check());
            } catch (RuntimeException e) {
                // a check that cannot run (e.g. its query failed) is a part that does not work
                String name = c.getClass().getSimpleName().replaceFirst("\\$.*", "");
                checks.add(new CheckResult(name, false, Map.of("problem", e.getClass().getSimpleName())));
            }
        }
        checks.sort(Comparator.comparing(CheckResult::name));
        return List.copyOf(checks);
    }

    public boolean ready() {
        return readiness().stream().allMatch(CheckResult::up);
    }

    /** Liveness: the application answers and its timers fire. */
    public CheckResult liveness() {
        return contributors.select(JobRuns.class).get().check();
    }
}
