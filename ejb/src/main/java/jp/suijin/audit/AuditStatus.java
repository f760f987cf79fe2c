package jp.suijin.audit;

import java.io.Serializable;
import java.util.List;
import jp.suijin.persistence.audit.ChainVerification;

/**
 * The state of the audit trail for the administrator page: retention, the last verification of
 * each chain, the writer's counts and the database account's rights on the records.
 *
 * @param retentionDays null when the setting is wrong ({@code retentionProblem} says why)
 * @param databaseProtected null when the check has not run
 */
public record AuditStatus(Integer retentionDays, String retentionProblem, List<ChainState> chains, boolean verifying,
        long writtenCount, long lostCount, int queued, String lastFailure, Boolean databaseProtected,
        String databaseAccount, String databaseProblem) implements Serializable {

    /** A chain and its last verification since the server started (null: none yet). */
    public record ChainState(String table, ChainVerification last) implements Serializable {
    }
}
