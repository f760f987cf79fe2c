package jp.suijin.persistence.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Walks a chain from its first kept record to its head and names the first record that was
 * changed, deleted, or inserted out of order. Plain JDBC, so the admin page and the command line
 * ({@code ./run verify-audit}) run the same code.
 */
public final class ChainVerifier {

    private final byte[] key;

    public ChainVerifier(byte[] key) {
        this.key = key.clone();
    }

    /**
     * @param exported a head written out of the database earlier (may be null): the chain must
     *        still contain it, so a table emptied or rolled back to an older state is found
     */
    public ChainVerification verify(Connection c, AuditChain chain, ChainHead exported) throws SQLException {
        // one consistent snapshot: records the writer adds meanwhile are neither half-seen nor taken for forgeries
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (java.sql.Statement snapshot = c.createStatement()) {
            snapshot.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
            return walk(c, chain, exported);
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    private ChainVerification walk(Connection c, AuditChain chain, ChainHead exported) throws SQLException {
        Instant started = Instant.now();
        ChainHead head = head(c, chain);
        if (head == null) {
            if (exported != null && exported.seq() > 0) {
                return ChainVerification.broken(chain, 0, exported.seq(), "the chain head is gone but records up to "
                        + exported.seq() + " were written out earlier: the audit tables were emptied", started);
            }
            long rows = count(c, chain);
            return rows == 0 ? ChainVerification.ok(chain, 0, 0, started)
                    : ChainVerification.broken(chain, 0, null, rows + " record(s) exist without a chain head", started);
        }
        if (!head.keyId().equals(AuditChain.keyId(key))) {
            return ChainVerification.broken(chain, 0, null, "the chain was made with another key (key id "
                    + head.keyId() + ", given " + AuditChain.keyId(key) + ")", started);
        }
        List<long[]> purged = purges(c, chain);
        ChainWalk walk = new ChainWalk(chain, key, head, purged, firstDuplicate(c, chain));
        try (PreparedStatement rows = c.prepareStatement("SELECT " + chain.selectColumns() + " FROM " + chain.table()
                + " ORDER BY seq, recorded_at", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            rows.setFetchSize(1000);
            try (ResultSet row = rows.executeQuery()) {
                while (row.next()) {
                    String problem = walk.next(chain.read(row), row.getBytes("prev_mac"), row.getBytes("mac"));
                    if (problem != null) {
                        return ChainVerification.broken(chain, walk.checked(), walk.position(), problem, started);
                    }
                }
            }
        }
        String problem = walk.end();
        if (problem == null && exported != null) {
            problem = checkExported(c, chain, exported, head, purged);
            if (problem != null) {
                return ChainVerification.broken(chain, walk.checked(), exported.seq(), problem, started);
            }
        }
        return problem == null ? ChainVerification.ok(chain, walk.checked(), head.seq(), started)
                : ChainVerification.broken(chain, walk.checked(), walk.position(), problem, started);
    }

    private String checkExported(Connection c, AuditChain chain, ChainHead exported, ChainHead head, List<long[]> purged)
            throws SQLException {
        if (exported.seq() > head.seq()) {
            return "the chain ends at " + head.seq() + " but reached " + exported.seq()
                    + " when it was last written out: records were removed and the head rolled back";
        }
        if (exported.seq() == 0 || ChainWalk.covered(purged, exported.seq(), exported.seq())) {
            return null;
        }
        try (PreparedStatement q = c.prepareStatement("SELECT mac FROM " + chain.table() + " WHERE seq = ?")) {
            q.setLong(1, exported.seq());
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    if (AuditChain.same(r.getBytes(1), exported.mac())) {
                        return null;
                    }
                }
            }
        }
        return "record " + exported.seq() + " written out earlier as the chain head is not in the chain any more";
    }

    public static ChainHead head(Connection c, AuditChain chain) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT head_seq, head_mac, key_id FROM audit_chain WHERE name = ?")) {
            q.setString(1, chain.chainName());
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? new ChainHead(r.getLong(1), r.getBytes(2), r.getString(3)) : null;
            }
        }
    }

    private static long count(Connection c, AuditChain chain) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM " + chain.table());
                ResultSet r = q.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<long[]> purges(Connection c, AuditChain chain) throws SQLException {
        List<long[]> ranges = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT from_seq, to_seq FROM audit_purge WHERE chain = ? ORDER BY from_seq")) {
            q.setString(1, chain.chainName());
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    ranges.add(new long[] {r.getLong(1), r.getLong(2)});
                }
            }
        }
        return ranges;
    }

    private static Long firstDuplicate(Connection c, AuditChain chain) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT seq FROM " + chain.table()
                + " GROUP BY seq HAVING COUNT(*) > 1 ORDER BY seq LIMIT 1"); ResultSet r = q.executeQuery()) {
            return r.next() ? r.getLong(1) : null;
        }
    }

    /** The head of a chain: its last position and that record's MAC. */
    public record ChainHead(long seq, byte[] mac, String keyId) {

        /** One line, as written to the head file and the server log. */
        public String line(AuditChain chain) {
            return chain.chainName() + " " + seq + " " + HexFormat.of().formatHex(mac);
        }

        public static ChainHead parse(String line, AuditChain chain) {
            String[] parts = line.trim().split(" ");
            if (parts.length != 3 || !parts[0].equals(chain.chainName())) {
                return null;
            }
            return new ChainHead(Long.parseLong(parts[1]), HexFormat.of().parseHex(parts[2]), null);
        }
    }
}
