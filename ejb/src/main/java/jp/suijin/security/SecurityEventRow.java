package jp.suijin.security;

import java.io.Serializable;
import java.time.Instant;

/** One security event as the administrator page lists it. */
public record SecurityEventRow(long id, SecurityRule rule, String subject, String clientIp, String detail,
        Instant firstAt, Instant lastAt, int occurrences, boolean mailed, String acknowledgedBy, Instant acknowledgedAt)
        implements Serializable {
}
