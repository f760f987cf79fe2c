package jp.suijin.persistence.audit;

import java.time.Duration;
import java.time.Instant;

/**
 * The outcome of verifying one chain: OK, or the first problem found and the position it is at.
 *
 * @param checked records verified before the problem (or in all)
 * @param position the chain position named by the problem, if any
 */
public record ChainVerification(AuditChain chain, boolean ok, long checked, long headSeq, Long position,
        String problem, Instant started, Duration took) {

    static ChainVerification ok(AuditChain chain, long checked, long headSeq, Instant started) {
        return new ChainVerification(chain, true, checked, headSeq, null, null, started,
                Duration.between(started, Instant.now()));
    }

    static ChainVerification broken(AuditChain chain, long checked, Long position, String problem, Instant started) {
        return new ChainVerification(chain, false, checked, -1, position, problem, started,
                Duration.between(started, Instant.now()));
    }

    public String summary() {
        return chain.table() + ": " + (ok ? "OK, " + checked + " record(s) verified up to " + headSeq
                : "BROKEN: " + problem);
    }
}
