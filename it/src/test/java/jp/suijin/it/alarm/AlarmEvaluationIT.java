package jp.suijin.it.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.audit.AuditProbe;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Alarms rise and clear as samples arrive through the real device API: limits with deadband and
 * on-delay, fault states, retried and late batches, on-delays that run out on the monitor's timer, and
 * communication loss. Time is moved with the server's clock and the monitor's round run at once, never
 * waited for.
 */
class AlarmEvaluationIT extends IntegrationTest {

    private static final String DEVICE = "GS01-TM1";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AuditProbe.deployment();
    }

    @AfterEach
    void realTime() throws Exception {
        AuditProbe.resetClock();
    }

    @Test
    void aLimitWithDeadbandAndOnDelayRaisesOnceAndClearsBelowTheDeadband() throws Exception {
        long point = AlarmFixtures.pointId(DEVICE, "DO-1");
        AlarmFixtures.define(point, "h_limit = 4.0, h_severity = 'MINOR', hh_limit = 6.0, hh_severity = 'MAJOR',"
                + " deadband = 0.2, on_delay_seconds = 60");
        Instant t = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        // 30 s over the limit, then back: the on-delay is not reached
        AlarmFixtures.post(DEVICE, "DO-1", t, 4.5, t.plusSeconds(30), 4.6, t.plusSeconds(40), 3.0);
        assertTrue(alarms(point).isEmpty());
        // over the limit from +100 s; the sample at +160 s shows it held 60 s
        AlarmFixtures.post(DEVICE, "DO-1", t.plusSeconds(100), 4.5, t.plusSeconds(130), 4.4, t.plusSeconds(160), 4.3);
        List<Row> raised = alarms(point);
        assertEquals(1, raised.size(), raised.toString());
        assertEquals("HIGH", raised.get(0).kind);
        assertEquals("MINOR", raised.get(0).severity);
        assertEquals(t.plusSeconds(160), raised.get(0).raisedAt);
        assertEquals(4.3, raised.get(0).raisedValue);
        assertEquals(4.0, raised.get(0).limit);
        // 3.9 is below the limit but inside the deadband: still raised; 3.7 clears it
        AlarmFixtures.post(DEVICE, "DO-1", t.plusSeconds(200), 3.9);
        assertNull(alarms(point).get(0).clearedAt);
        AlarmFixtures.post(DEVICE, "DO-1", t.plusSeconds(260), 3.7);
        Row cleared = alarms(point).get(0);
        assertEquals(t.plusSeconds(260), cleared.clearedAt);
        assertEquals(3.7, cleared.clearedValue);
        assertEquals(1, alarms(point).size());
    }

    @Test
    void aRetriedBatchAndALateSampleRaiseNothingTwice() throws Exception {
        long point = AlarmFixtures.pointId(DEVICE, "MLSS-1");
        AlarmFixtures.define(point, "l_limit = 1000, l_severity = 'NOTICE'");
        Instant t = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        Object[] batch = {t, 1500.0, t.plusSeconds(60), 900.0, t.plusSeconds(120), 850.0};
        AlarmFixtures.post(DEVICE, "MLSS-1", batch);
        AlarmFixtures.post(DEVICE, "MLSS-1", batch);
        // a late sample behind the newer ones, back in range: the alarm stands
        AlarmFixtures.post(DEVICE, "MLSS-1", t.plusSeconds(90), 1600.0);
        // alarms of this point that other suites raised earlier (AlarmMailIT's concurrent batches) are not this test's
        List<Row> rows = alarms(point).stream().filter(r -> !r.raisedAt.isBefore(t)).toList();
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("LOW", rows.get(0).kind);
        assertEquals(t.plusSeconds(60), rows.get(0).raisedAt);
        assertNull(rows.get(0).clearedAt);
    }

    @Test
    void aLateExcursionBehindNewerSamplesRaisesAnAlarmForThePastOnce() throws Exception {
        long point = AlarmFixtures.pointId("JS01-TM1", "PH-101");
        AlarmFixtures.define(point, "h_limit = 8.6, h_severity = 'MINOR', deadband = 0.1");
        Instant t = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        AlarmFixtures.post("JS01-TM1", "PH-101", t, 7.2, t.plusSeconds(120), 7.3, t.plusSeconds(180), 8.65,
                t.plusSeconds(240), 7.1);
        assertEquals(1, alarms(point).size());
        // a batch retried after the newer one went through: 8.9 at +60 s, back to 7.3 at +120 s
        AlarmFixtures.post("JS01-TM1", "PH-101", t.plusSeconds(60), 8.9);
        List<Row> rows = alarms(point);
        assertEquals(2, rows.size(), rows.toString());
        Row past = rows.get(1);
        assertEquals(t.plusSeconds(60), past.raisedAt);
        assertEquals(8.9, past.raisedValue);
        assertEquals(t.plusSeconds(120), past.clearedAt);
        assertEquals(7.3, past.clearedValue);
        // the same late sample again, and one inside the alarm of +180 s: covered, nothing new
        AlarmFixtures.post("JS01-TM1", "PH-101", t.plusSeconds(60), 8.9, t.plusSeconds(200), 8.7);
        assertEquals(2, alarms(point).size());
    }

    @Test
    void aFaultStateRaisesAndClearsAndBadQualityChangesNothing() throws Exception {
        long point = AlarmFixtures.pointId(DEVICE, "BL1-FLT");
        AlarmFixtures.define(point, "fault_states = '1', state_severity = 'MAJOR'");
        Instant t = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        AlarmFixtures.postRaw(DEVICE, "{\"point\": \"BL1-FLT\", \"time\": \"" + t + "\", \"value\": 1, \"quality\": \"bad\"}");
        assertTrue(alarms(point).isEmpty());
        AlarmFixtures.post(DEVICE, "BL1-FLT", t.plusSeconds(60), 1.0, t.plusSeconds(120), 0.0);
        Row row = alarms(point).get(0);
        assertEquals("STATE", row.kind);
        assertEquals(t.plusSeconds(60), row.raisedAt);
        assertEquals(t.plusSeconds(120), row.clearedAt);
    }

    @Test
    void anOnDelayRunsOutOnTheTimerWhenNoFurtherSampleComes() throws Exception {
        long point = AlarmFixtures.pointId(DEVICE, "TU-EFF");
        AlarmFixtures.define(point, "h_limit = 5, h_severity = 'MAJOR', on_delay_seconds = 300");
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AlarmFixtures.post(DEVICE, "TU-EFF", t, 7.5);
        assertTrue(alarms(point).isEmpty());
        AuditProbe.advanceClock(Duration.ofMinutes(6));
        AuditProbe.post("alarm-monitor");
        Row row = alarms(point).get(0);
        assertEquals("HIGH", row.kind);
        assertEquals(t.plusSeconds(300), row.raisedAt);
        assertEquals(7.5, row.raisedValue);
    }

    @Test
    void aSilentDeviceRaisesCommunicationLossAndDataClearsIt() throws Exception {
        long device = AlarmFixtures.deviceId(DEVICE);
        int minutes;
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement(
                "SELECT comm_loss_minutes FROM device_alarm_setting WHERE device_id = ? AND enabled")) {
            q.setLong(1, device);
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), "the demo devices have a communication-loss setting");
                minutes = r.getInt(1);
            }
        }
        AlarmFixtures.post(DEVICE, "PH-EFF", Instant.now().truncatedTo(ChronoUnit.SECONDS), 7.0);
        int before = deviceAlarms(device).size();
        AuditProbe.advanceClock(Duration.ofMinutes(minutes - 1));
        AuditProbe.post("alarm-monitor");
        assertEquals(before, deviceAlarms(device).size(), "still inside the allowed silence");
        AuditProbe.advanceClock(Duration.ofMinutes(2));
        AuditProbe.post("alarm-monitor");
        List<Row> rows = deviceAlarms(device);
        assertEquals(before + 1, rows.size());
        Row loss = rows.get(rows.size() - 1);
        assertEquals("COMM_LOSS", loss.kind);
        assertNull(loss.clearedAt);
        AuditProbe.post("alarm-monitor");
        assertEquals(before + 1, deviceAlarms(device).size(), "raised once");
        AlarmFixtures.post(DEVICE, "PH-EFF", Instant.now().truncatedTo(ChronoUnit.SECONDS), 7.1);
        assertNotNull(deviceAlarms(device).get(rows.size() - 1).clearedAt);
    }

    record Row(long id, String kind, String severity, Instant raisedAt, Double raisedValue, Double limit,
            Instant clearedAt, Double clearedValue) {
    }

    static List<Row> alarms(long point) throws Exception {
        return rows("point_id", point);
    }

    static List<Row> deviceAlarms(long device) throws Exception {
        return rows("device_id", device);
    }

    private static List<Row> rows(String column, long id) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT id, kind, severity,"
                + " raised_at, raised_value, limit_value, cleared_at, cleared_value FROM alarm WHERE " + column
                + " = ? ORDER BY id")) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getLong(1), r.getString(2), r.getString(3), instant(r, 4),
                            r.getObject(5, Double.class), r.getObject(6, Double.class), instant(r, 7),
                            r.getObject(8, Double.class)));
                }
            }
        }
        return rows;
    }

    private static Instant instant(ResultSet r, int column) throws Exception {
        LocalDateTime t = r.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
