package jp.suijin.audit;

import java.time.Instant;

/**
 * One operation record before it joins the chain: an EJB business method call, or a security
 * event such as {@code authn_login_fail} (then {@code beanMethod} is null).
 */
public record OperationEntry(Instant recordedAt, Long organisationId, String principal, String clientIp,
        String userAgent, String sessionHash, String operation, String beanMethod, String target, String parameters,
        Outcome outcome, String errorClass, long durationMs) {

    /**
     * The same call, its transaction rolled back: a call that returned normally becomes an ERROR; one
     * that failed or was refused keeps its own outcome and exception.
     */
    public OperationEntry rolledBack() {
        if (outcome != Outcome.OK) {
            return this;
        }
        return new OperationEntry(recordedAt, organisationId, principal, clientIp, userAgent, sessionHash, operation,
                beanMethod, target, parameters, Outcome.ERROR, "transaction rolled back", durationMs);
    }

    public OperationEntry withOrganisation(Long id) {
        return new OperationEntry(recordedAt, id, principal, clientIp, userAgent, sessionHash, operation, beanMethod,
                target, parameters, outcome, errorClass, durationMs);
    }

    /** Column values of {@code audit_record} in chain order, the position (seq) left for the writer. */
    public Object[] values() {
        return new Object[] {null, recordedAt, organisationId, principal, clientIp, userAgent, sessionHash, operation,
            beanMethod, target, parameters, outcome.name(), errorClass, durationMs};
    }
}
