package jp.suijin.audit;

import java.time.Instant;

/** One HTTP request, as the access log records it (query already redacted). */
public record AccessEntry(Instant recordedAt, String listener, Long organisationId, String principal, String clientIp,
        String method, String path, String query, int status, long bytes, long durationMs, String userAgent,
        String sessionHash) {

    public AccessEntry withOrganisation(Long id) {
        return new AccessEntry(recordedAt, listener, id, principal, clientIp, method, path, query, status, bytes,
                durationMs, userAgent, sessionHash);
    }

    /** Column values of {@code access_record} in chain order, the position (seq) left for the writer. */
    public Object[] values() {
        return new Object[] {null, recordedAt, listener, organisationId, principal, clientIp, method, path, query,
            status, bytes, durationMs, userAgent, sessionHash};
    }
}
