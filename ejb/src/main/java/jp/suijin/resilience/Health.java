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

    @Inject
    @Any
    private Instance<HealthContributor> contributors;

    @Inject
    private DatabaseOutage outage;

    /** Every readiness check, by name. */
    public List<CheckResult> readiness() {
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
        return checks;
    }

    public boolean ready() {
        return readiness().stream().allMatch(CheckResult::up);
    }

    /** Liveness: the application answers and its timers fire. */
    public CheckResult liveness() {
        return contributors.select(JobRuns.class).get().check();
    }
}
