package jp.suijin.persistence.audit;

import java.time.Instant;
import java.util.List;

/**
 * The checks of one walk along a chain, record by record in position order, apart from the JDBC
 * that feeds it, so that every way of tampering it names can be tested on records made in memory.
 */
final class ChainWalk {

    private final AuditChain chain;
    private final byte[] key;
    private final ChainVerifier.ChainHead head;
    /** Position ranges removed by the retention purge, sorted by start. */
    private final List<long[]> purged;
    /** The first position held by two records, if any. */
    private final Long duplicate;

    private long expected = 1;
    private byte[] previous = AuditChain.GENESIS;
    private long checked;
    private Long position;

    ChainWalk(AuditChain chain, byte[] key, ChainVerifier.ChainHead head, List<long[]> purged, Long duplicate) {
        this.chain = chain;
        this.key = key;
        this.head = head;
        this.purged = purged;
        this.duplicate = duplicate;
    }

    /** Checks the next record (normalised values, as read); the problem found, or null. */
    String next(Object[] values, byte[] prev, byte[] mac) {
        long seq = (Long) values[0];
        Instant at = (Instant) values[1];
        String where = "record " + seq + " (" + at + ")";
        position = seq;
        if (seq > head.seq()) {
            return where + " lies beyond the chain head " + head.seq() + ": inserted by hand";
        }
        boolean verifies = AuditChain.same(mac, chain.mac(key, prev, values));
        if (duplicate != null && seq == duplicate && !verifies) {
            return where + " is a second record at this position: inserted by hand";
        }
        if (seq < expected) {
            return where + " repeats a position already taken: inserted by hand";
        }
        if (seq > expected && !covered(purged, expected, seq - 1)) {
            position = expected;
            return range(expected, seq - 1) + " missing before " + where + ": deleted";
        }
        if (!verifies) {
            return where + " does not match its MAC: changed";
        }
        if (seq == expected && !AuditChain.same(prev, previous)) {
            return where + " does not follow record " + (seq - 1) + ": replaced or inserted out of order";
        }
        previous = mac;
        expected = seq + 1;
        checked++;
        return null;
    }

    /** After the last record: what is missing at the end, or a head that names another record. */
    String end() {
        long last = expected - 1;
        if (last < head.seq() && !covered(purged, expected, head.seq())) {
            position = expected;
            return range(expected, head.seq()) + " missing at the end of the chain: deleted";
        }
        if (last == head.seq() && last > 0 && !AuditChain.same(previous, head.mac())) {
            position = last;
            return "the last record " + last + " is not the one the chain head names: replaced";
        }
        return null;
    }

    /** Records verified so far. */
    long checked() {
        return checked;
    }

    /** The position the last problem names. */
    Long position() {
        return position;
    }

    /** Whether every position from..to lies in a purged range (ranges sorted by start). */
    static boolean covered(List<long[]> ranges, long from, long to) {
        long next = from;
        for (long[] r : ranges) {
            if (r[0] > next) {
                break;
            }
            if (r[1] >= next) {
                next = r[1] + 1;
            }
            if (next > to) {
                return true;
            }
        }
        return next > to;
    }

    private static String range(long from, long to) {
        return from == to ? "record " + from + " is" : "records " + from + " to " + to + " are";
    }
}
