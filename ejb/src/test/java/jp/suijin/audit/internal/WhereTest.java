package jp.suijin.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import jp.suijin.audit.Outcome;
import jp.suijin.audit.RecordFilter;
import jp.suijin.persistence.audit.AuditChain;
import org.junit.jupiter.api.Test;

class WhereTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-01-02T00:00:00Z");

    @Test
    void prefixMatchesWildcardsLiterally() {
        assertEquals("user!_admin!%!!%", DefaultAuditQueries.Where.likePrefix("user_admin%!"));
        assertEquals("userAdministration.%", DefaultAuditQueries.Where.likePrefix("userAdministration."));
    }

    @Test
    void organisationAndTimeComeFirstSoTheIndexIsUsed() {
        DefaultAuditQueries.Where w = DefaultAuditQueries.Where.of(AuditChain.AUDIT, 7,
                new RecordFilter(FROM, TO, "demo.admin", "auth", Outcome.DENIED, 400, 499, "10.0.0.1"));
        assertEquals(" WHERE organisation_id = ? AND recorded_at >= ? AND recorded_at < ? AND principal = ?"
                + " AND operation LIKE ? ESCAPE '!' AND outcome = ? AND client_ip = ?", w.sql.toString());
        assertEquals(7L, w.params.get(0));
        assertEquals(List.of("demo.admin", "auth%", "DENIED", "10.0.0.1"), w.params.subList(3, 7));
    }

    @Test
    void accessRecordsFilterPathAndStatus() {
        DefaultAuditQueries.Where w = DefaultAuditQueries.Where.of(AuditChain.ACCESS, 7,
                new RecordFilter(FROM, TO, null, "/app/", Outcome.OK, 400, 499, null));
        assertEquals(" WHERE organisation_id = ? AND recorded_at >= ? AND recorded_at < ?"
                + " AND path LIKE ? ESCAPE '!' AND status BETWEEN ? AND ?", w.sql.toString());
        assertEquals("ix_access_record_org_time", w.index);
    }

    @Test
    void aUserAddressOrOutcomeFilterReadsItsOwnIndexSoARareValueIsFoundWithoutAScan() {
        assertEquals("ix_audit_record_org_principal_time", DefaultAuditQueries.Where.of(AuditChain.AUDIT, 7,
                new RecordFilter(FROM, TO, "demo.admin", null, Outcome.DENIED, null, null, "10.0.0.1")).index);
        assertEquals("ix_access_record_org_ip_time", DefaultAuditQueries.Where.of(AuditChain.ACCESS, 7,
                new RecordFilter(FROM, TO, null, null, null, null, null, "10.0.0.1")).index);
        assertEquals("ix_audit_record_org_outcome_time", DefaultAuditQueries.Where.of(AuditChain.AUDIT, 7,
                new RecordFilter(FROM, TO, null, "auth", Outcome.ERROR, null, null, null)).index);
    }
}
