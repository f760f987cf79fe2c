package jp.suijin.persistence.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant AT = Instant.parse("2026-12-06T01:02:03.456789Z");

    /** An operation record with the given principal and target; everything else fixed. */
    static Object[] record(long seq, String principal, String target) {
        return AuditChain.AUDIT.normalise(new Object[] {seq, AT, 7L, principal, "192.0.2.1", "agent", "0011223344556677",
                "userAdministration.setRole", "UserAdministration.setRole", target, "role=OPERATOR", "OK", null, 12L});
    }

    @Test
    void fieldBoundariesAreKeptInTheByteForm() {
        byte[] a = AuditChain.AUDIT.canonical(record(1, "ab", "c"));
        byte[] b = AuditChain.AUDIT.canonical(record(1, "a", "bc"));
        assertFalse(Arrays.equals(a, b), "moving a character between two fields must change the byte form");
    }

    @Test
    void nullAndEmptyTextDiffer() {
        assertFalse(Arrays.equals(AuditChain.AUDIT.canonical(record(1, "u", null)),
                AuditChain.AUDIT.canonical(record(1, "u", ""))));
    }

    @Test
    void theByteFormIsTagLengthAndUtf8() {
        Object[] values = new Object[AuditChain.AUDIT.columns().size()];
        values[0] = 5L;
        values[1] = AT;
        values[3] = "水";
        byte[] form = AuditChain.AUDIT.canonical(AuditChain.AUDIT.normalise(values));

        ByteBuffer expected = ByteBuffer.allocate(form.length);
        expected.put((byte) 3).putLong(5);
        expected.put((byte) 2).putLong(AT.toEpochMilli());
        expected.put((byte) 0);
        byte[] water = "水".getBytes(StandardCharsets.UTF_8);
        expected.put((byte) 1).putLong(water.length).put(water);
        while (expected.hasRemaining()) {
            expected.put((byte) 0);
        }
        assertArrayEquals(expected.array(), form);
    }

    @Test
    void normaliseCutsToTheColumnAndToMilliseconds() {
        Object[] values = record(1, "x".repeat(300), "t");
        assertEquals(128, ((String) values[3]).length());
        assertEquals(Instant.parse("2026-12-06T01:02:03.456Z"), values[1]);
    }

    @Test
    void normaliseNeverSplitsASurrogatePairAndReplacesALoneOne() {
        assertEquals("a".repeat(127), AuditChain.Column.cut("a".repeat(127) + "𝄞", 128));
        assertEquals("a\uFFFDb", AuditChain.Column.cut("a\uD834b", 10));
    }

    @Test
    void normaliseRefusesAWrongNumberOfValues() {
        assertThrows(IllegalArgumentException.class, () -> AuditChain.AUDIT.normalise(new Object[3]));
    }

    @Test
    void theMacIsHmacSha256OfThePreviousMacAndTheByteForm() throws Exception {
        Object[] values = record(1, "u", "t");
        byte[] previous = new byte[32];
        Arrays.fill(previous, (byte) 9);

        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        hmac.update(previous);
        byte[] expected = hmac.doFinal(AuditChain.AUDIT.canonical(values));

        assertArrayEquals(expected, AuditChain.AUDIT.mac(KEY, previous, values));
        assertFalse(Arrays.equals(expected, AuditChain.AUDIT.mac(KEY, AuditChain.GENESIS, values)),
                "the link to the previous record is part of the MAC");
    }

    @Test
    void aKeyIdIsStableAndNamesTheKey() {
        assertEquals(AuditChain.keyId(KEY), AuditChain.keyId(KEY.clone()));
        assertEquals(16, AuditChain.keyId(KEY).length());
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertNotEquals(AuditChain.keyId(KEY), AuditChain.keyId(other));
    }

    @Test
    void aChainHeadLineReadsBack() {
        byte[] mac = AuditChain.AUDIT.mac(KEY, AuditChain.GENESIS, record(1, "u", "t"));
        ChainVerifier.ChainHead head = new ChainVerifier.ChainHead(41, mac, null);
        ChainVerifier.ChainHead read = ChainVerifier.ChainHead.parse(head.line(AuditChain.AUDIT), AuditChain.AUDIT);
        assertEquals(41, read.seq());
        assertArrayEquals(mac, read.mac());
        assertEquals(null, ChainVerifier.ChainHead.parse(head.line(AuditChain.AUDIT), AuditChain.ACCESS),
                "a line of the other chain is not this chain's head");
    }
}
