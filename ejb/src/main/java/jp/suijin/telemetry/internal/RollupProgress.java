package jp.suijin.telemetry.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** When the statistics job last completed a round: read by health without a call into the job's EJB (audited). */
@ApplicationScoped
public class RollupProgress {

    private volatile Instant lastRound;

    void completed(Instant at) {
        lastRound = at;
    }

    Instant lastRound() {
        return lastRound;
    }
}
