package jp.suijin.persistence.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each way of tampering with a chain, on records made in memory exactly as the writer makes them. */
class ChainWalkTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private record Row(Object[] values, byte[] prev, byte[] mac) {
    }

    /** Records 1..n, chained. */
    private static List<Row> chain(int n) {
        List<Row> rows = new ArrayList<>();
        byte[] previous = AuditChain.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            Object[] values = AuditChainTest.record(seq, "user" + seq, "target" + seq);
            byte[] mac = AuditChain.AUDIT.mac(KEY, previous, values);
            rows.add(new Row(values, previous, mac));
            previous = mac;
        }
        return rows;
    }

    private static ChainVerifier.ChainHead headOf(List<Row> rows) {
        Row last = rows.get(rows.size() - 1);
        return new ChainVerifier.ChainHead((Long) last.values()[0], last.mac(), AuditChain.keyId(KEY));
    }

    /** The first problem of a walk over rows, or null. */
    private static String walk(List<Row> rows, ChainVerifier.ChainHead head, List<long[]> purged, Long duplicate) {
        ChainWalk walk = new ChainWalk(AuditChain.AUDIT, KEY, head, purged, duplicate);
        for (Row r : rows) {
            String problem = walk.next(r.values(), r.prev(), r.mac());
            if (problem != null) {
                return problem;
            }
        }
        return walk.end();
    }

    @Test
    void anUntouchedChainVerifies() {
        List<Row> rows = chain(5);
        ChainWalk walk = new ChainWalk(AuditChain.AUDIT, KEY, headOf(rows), List.of(), null);
        for (Row r : rows) {
            assertNull(walk.next(r.values(), r.prev(), r.mac()));
        }
        assertNull(walk.end());
        assertEquals(5, walk.checked());
    }

    @Test
    void aChangedValueIsNamed() {
        List<Row> rows = chain(5);
        Object[] changed = rows.get(2).values().clone();
        changed[9] = "someone else";
        rows.set(2, new Row(changed, rows.get(2).prev(), rows.get(2).mac()));
        String problem = walk(rows, headOf(chain(5)), List.of(), null);
        assertTrue(problem.startsWith("record 3 ") && problem.endsWith("does not match its MAC: changed"), problem);
    }

    @Test
    void aDeletedRecordIsNamed() {
        List<Row> rows = chain(5);
        rows.remove(1);
        assertEquals("record 2 is missing before record 3 (2026-12-06T01:02:03.456Z): deleted",
                walk(rows, headOf(chain(5)), List.of(), null));
    }

    @Test
    void recordsDeletedAtTheEndAreNamed() {
        List<Row> all = chain(5);
        assertEquals("records 4 to 5 are missing at the end of the chain: deleted",
                walk(all.subList(0, 3), headOf(all), List.of(), null));
    }

    @Test
    void aPurgedRangeIsNoGap() {
        List<Row> all = chain(6);
        List<Row> kept = new ArrayList<>(all.subList(3, 6));
        assertNull(walk(kept, headOf(all), List.<long[]>of(new long[] {1, 3}), null));
        // a purge that stops short of the kept records leaves a gap, named as a whole
        assertEquals("records 1 to 3 are missing before record 4 (2026-12-06T01:02:03.456Z): deleted",
                walk(kept, headOf(all), List.<long[]>of(new long[] {1, 2}), null));
    }

    @Test
    void overlappingPurgesCoverTheirUnion() {
        assertTrue(ChainWalk.covered(List.of(new long[] {1, 5}, new long[] {3, 9}), 2, 9));
        assertTrue(!ChainWalk.covered(List.of(new long[] {1, 5}, new long[] {7, 9}), 2, 9));
    }

    @Test
    void aRecordBeyondTheHeadIsNamed() {
        List<Row> all = chain(4);
        String problem = walk(all, headOf(all.subList(0, 3)), List.of(), null);
        assertTrue(problem.endsWith("lies beyond the chain head 3: inserted by hand"), problem);
    }

    @Test
    void aSecondRecordAtAPositionIsNamed() {
        List<Row> rows = chain(4);
        Object[] forged = rows.get(1).values().clone();
        forged[3] = "intruder";
        rows.add(2, new Row(forged, rows.get(1).prev(), rows.get(1).mac()));
        String problem = walk(rows, headOf(chain(4)), List.of(), 2L);
        assertTrue(problem.endsWith("is a second record at this position: inserted by hand"), problem);
    }

    @Test
    void aRecordReMacedWithTheKeyButNotLinkedIsNamed() {
        // an intruder holding the key replaces record 3 but cannot fix the link the next record holds
        List<Row> rows = chain(5);
        Object[] replaced = rows.get(2).values().clone();
        replaced[10] = "role=ADMIN";
        byte[] mac = AuditChain.AUDIT.mac(KEY, rows.get(2).prev(), replaced);
        rows.set(2, new Row(replaced, rows.get(2).prev(), mac));
        String problem = walk(rows, headOf(chain(5)), List.of(), null);
        assertTrue(problem.startsWith("record 4 ") && problem.endsWith("replaced or inserted out of order"), problem);
    }

    @Test
    void aReplacedLastRecordIsNamedByTheHead() {
        List<Row> rows = chain(3);
        ChainVerifier.ChainHead head = headOf(rows);
        Object[] replaced = rows.get(2).values().clone();
        replaced[10] = "role=ADMIN";
        rows.set(2, new Row(replaced, rows.get(2).prev(), AuditChain.AUDIT.mac(KEY, rows.get(2).prev(), replaced)));
        assertEquals("the last record 3 is not the one the chain head names: replaced", walk(rows, head, List.of(), null));
    }

    @Test
    void aChainMadeWithAnotherKeyDoesNotVerify() {
        List<Row> rows = chain(2);
        byte[] other = KEY.clone();
        other[5] ^= 1;
        ChainWalk walk = new ChainWalk(AuditChain.AUDIT, other, headOf(rows), List.of(), null);
        assertTrue(walk.next(rows.get(0).values(), rows.get(0).prev(), rows.get(0).mac()).endsWith("changed"));
    }
}
