package jp.suijin.audit;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import jp.suijin.admin.AdministrationException;

/**
 * What an administrator looks for in the operation or access records of their organisation: a
 * time range [from, to) and optional exact user, prefix (operation name or request path), outcome
 * (operation records) or status range (access records), and exact client address.
 */
public record RecordFilter(Instant from, Instant to, String principal, String prefix, Outcome outcome,
        Integer statusMin, Integer statusMax, String clientIp) implements Serializable {

    public static final int MAX_PREFIX = 100;

    /** The last 24 hours up to {@code now}, nothing else chosen. */
    public static RecordFilter lastDay(Instant now) {
        return new RecordFilter(now.minus(Duration.ofDays(1)), now, null, null, null, null, null, null);
    }

    /** @throws AdministrationException naming the field that cannot be searched for */
    public RecordFilter checked() {
        if (from == null) {
            throw new AdministrationException("from", "audit.error.from");
        }
        if (to == null) {
            throw new AdministrationException("to", "audit.error.to");
        }
        if (!from.isBefore(to)) {
            throw new AdministrationException("to", "audit.error.range");
        }
        if (principal != null && principal.length() > 128) {
            throw new AdministrationException("principal", "audit.error.principal");
        }
        if (prefix != null && prefix.length() > MAX_PREFIX) {
            throw new AdministrationException("prefix", "audit.error.prefix", MAX_PREFIX);
        }
        if (statusMin != null && (statusMax == null || statusMin < 100 || statusMax > 599 || statusMin > statusMax)) {
            throw new AdministrationException("status", "audit.error.status");
        }
        if (clientIp != null && (clientIp.length() > 45 || !clientIp.matches("[0-9A-Fa-f.:]+"))) {
            throw new AdministrationException("clientIp", "audit.error.clientIp");
        }
        return this;
    }

    /** One line for the export's own audit record. */
    public String describe() {
        StringBuilder b = new StringBuilder("from=").append(from).append(", to=").append(to);
        append(b, "principal", principal);
        append(b, "prefix", prefix);
        append(b, "outcome", outcome);
        append(b, "status", statusMin == null ? null : statusMin + "-" + statusMax);
        append(b, "clientIp", clientIp);
        return b.toString();
    }

    private static void append(StringBuilder b, String name, Object value) {
        if (value != null) {
            b.append(", ").append(name).append('=').append(value);
        }
    }
}
