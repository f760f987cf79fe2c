package jp.suijin.it.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.Mails;
import jp.suijin.it.audit.AuditProbe;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Alarm and recovery mails to a facility's recipient groups through the real SMTP server: their
 * content in Japanese and English, escalation to a later group only while nobody acknowledged, and
 * the digest that replaces a flood. Groups are written as the schema owner (their pages are tested
 * on their own).
 */
class AlarmMailIT extends IntegrationTest {

    private static final String DEVICE = "GS01-TM1";
    private static final String FACILITY = "GS01";
    private final List<Long> groups = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AuditProbe.deployment();
    }

    @AfterEach
    void cleanUp() throws Exception {
        AuditProbe.resetClock();
        try (Connection c = stack().connect(); PreparedStatement d = c.prepareStatement(
                "DELETE FROM recipient_group WHERE id = ?")) {
            for (long g : groups) {
                d.setLong(1, g);
                d.executeUpdate();
            }
        }
    }

    @Test
    void anAlarmAndItsRecoveryAreMailedToTheGroupInEachRecipientsLanguage() throws Exception {
        long group = group("IT当直", "MAJOR", 0);
        member(group, "it-alarm-ja@example.jp", "ja");
        member(group, "it-alarm-en@example.com", "en");
        long point = AlarmFixtures.pointId(DEVICE, "FI-INF");
        AlarmFixtures.define(point, "hh_limit = 900, hh_severity = 'MAJOR'");
        Mails mails = Mails.fromNow();
        Instant t = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        AlarmFixtures.post(DEVICE, "FI-INF", t, 950.5);

        MimeMessage ja = mails.next("it-alarm-ja@example.jp", "警報発生");
        assertEquals("[水神][重故障] 警報発生: 南浜浄化センター 流入下水量 (FI-INF) 上上限", ja.getSubject());
        String body = Mails.text(ja);
        assertTrue(body.contains("値: 950.5 m³/h"), body);
        assertTrue(body.contains("設定値: 900.0 m³/h"), body);
        assertTrue(body.contains("発生日時: " + jst(t) + " (日本時間)"), body);
        assertTrue(body.contains(stack().operatorUrl("app/alarms.xhtml").toString()), body);
        MimeMessage en = mails.next("it-alarm-en@example.com", "Alarm:");
        assertTrue(en.getSubject().startsWith("[Suijin][Major] Alarm: 南浜浄化センター"), en.getSubject());

        AlarmFixtures.post(DEVICE, "FI-INF", t.plusSeconds(60), 500.0);
        String cleared = Mails.text(mails.next("it-alarm-ja@example.jp", "警報復旧"));
        assertTrue(cleared.contains("復旧日時: " + jst(t.plusSeconds(60))), cleared);
        mails.next("it-alarm-en@example.com", "Cleared:");
    }

    @Test
    void anUnacknowledgedAlarmEscalatesToTheNextGroupAndAnAcknowledgedOneDoesNot() throws Exception {
        member(group("一次", "MINOR", 0), "it-first@example.jp", "ja");
        member(group("二次", "MINOR", 30), "it-second@example.jp", "ja");
        long point = AlarmFixtures.pointId(DEVICE, "FI-EFF");
        AlarmFixtures.define(point, "h_limit = 800, h_severity = 'MINOR'");
        Mails mails = Mails.fromNow();
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AlarmFixtures.post(DEVICE, "FI-EFF", t, 850.0);
        mails.next("it-first@example.jp", "警報発生");

        AuditProbe.advanceClock(Duration.ofMinutes(31));
        AuditProbe.post("alarm-monitor");
        MimeMessage escalated = mails.next("it-second@example.jp", "[未確認]");
        assertTrue(Mails.text(escalated).contains("まだ誰も確認していない"), Mails.text(escalated));

        // a second alarm, acknowledged in time, reaches only the first group
        AlarmFixtures.post(DEVICE, "FI-EFF", t.plusSeconds(60), 100.0, t.plusSeconds(120), 870.0);
        mails.next("it-first@example.jp", "警報発生");
        try (Connection c = stack().connect(); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE alarm SET acked_at = UTC_TIMESTAMP(3) WHERE point_id = " + point
                    + " AND open_key IS NOT NULL"));
        }
        AuditProbe.advanceClock(Duration.ofMinutes(31));
        AuditProbe.post("alarm-monitor");
        assertEquals(1, notifications(point, "二次"), "only the first alarm went to the second group");
    }

    @Test
    void moreAlarmsThanTheLimitPerMinuteReachARecipientAsOneDigest() throws Exception {
        long group = group("ダイジェスト", "NOTICE", 0);
        member(group, "it-flood@example.jp", "ja");
        long point = AlarmFixtures.pointId(DEVICE, "PH-EFF");
        AlarmFixtures.define(point, "h_limit = 8.5, h_severity = 'NOTICE'");
        try (Connection c = stack().connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE recipient_group SET notify_recovery = FALSE WHERE id = " + group);
        }
        Mails mails = Mails.fromNow();
        Instant t = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        // 13 rises (and 13 unmailed recoveries) in one batch: 10 mails, then 3 in a digest
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            batch.add(t.plusSeconds(i * 20L));
            batch.add(9.0);
            batch.add(t.plusSeconds(i * 20L + 10));
            batch.add(7.0);
        }
        AlarmFixtures.post(DEVICE, "PH-EFF", batch.toArray());
        for (int i = 0; i < 10; i++) {
            mails.next("it-flood@example.jp", "警報発生");
        }
        assertEquals(3, digestItems("it-flood@example.jp"));
        AuditProbe.advanceClock(Duration.ofSeconds(61));
        AuditProbe.post("alarm-monitor");
        MimeMessage digest = mails.next("it-flood@example.jp", "警報のまとめ");
        assertEquals("[水神] 警報のまとめ (3 件)", digest.getSubject());
        assertEquals(3, Mails.text(digest).split("値: 9").length - 1, Mails.text(digest));
        assertEquals(0, digestItems("it-flood@example.jp"));
    }

    /**
     * Four field devices post at the same moment, each a batch of six rises for one recipient: the limit
     * per minute holds across the concurrent batches (each would see fewer than the limit alone), and the
     * rest wait in the digest; none is lost.
     */
    @Test
    void theLimitPerMinuteHoldsWhenBatchesRaiseAlarmsConcurrently() throws Exception {
        String recipient = "it-concurrent@example.jp";
        String[][] points = {{"JS01", "JS01-TM1", "TU-201", "5", "6.0", "3.0"}, {"HY01", "HY01-TM1", "TU-OUT", "0.5", "0.8",
            "0.2"}, {"PS01", "PS01-TM1", "P3-AMP", "50", "60.0", "20.0"}, {"GS01", "GS01-TM1", "MLSS-1", "3000", "3500",
            "2000"}};
        Instant t = Instant.now().minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.SECONDS);
        List<Object[]> batches = new ArrayList<>();
        for (String[] p : points) {
            long group = group("同時 " + p[0], "NOTICE", 0, p[0]);
            member(group, recipient, "ja");
            try (Connection c = stack().connect(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE recipient_group SET notify_recovery = FALSE WHERE id = " + group);
            }
            AlarmFixtures.define(AlarmFixtures.pointId(p[1], p[2]), "h_limit = " + p[3] + ", h_severity = 'NOTICE'");
            List<Object> batch = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                batch.addAll(List.of(t.plusSeconds(i * 20L), p[4], t.plusSeconds(i * 20L + 10), p[5]));
            }
            batches.add(batch.toArray());
        }
        int before = alarmMails(recipient);

        ExecutorService pool = Executors.newFixedThreadPool(points.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> posts = new ArrayList<>();
            for (int i = 0; i < points.length; i++) {
                String device = points[i][1];
                String point = points[i][2];
                Object[] batch = batches.get(i);
                posts.add(pool.submit(() -> {
                    start.await();
                    AlarmFixtures.post(device, point, batch);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> post : posts) {
                post.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(10, alarmMails(recipient) - before, "alarm mails to one recipient within the minute");
        assertEquals(14, digestItems(recipient), "the other rises wait for the digest");
        try (Connection c = stack().connect(); PreparedStatement d = c.prepareStatement(
                "DELETE FROM alarm_digest_item WHERE recipient = ?")) {
            d.setString(1, recipient);
            d.executeUpdate();
        }
    }

    private static int alarmMails(String recipient) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement(
                "SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND category = 'alarm'")) {
            q.setString(1, recipient);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private long group(String name, String severity, int delayMinutes) throws Exception {
        return group(name, severity, delayMinutes, FACILITY);
    }

    private long group(String name, String severity, int delayMinutes, String facility) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement i = c.prepareStatement("INSERT INTO recipient_group"
                + " (organisation_id, facility_id, name, notify_major, notify_minor, notify_notice, delay_minutes,"
                + " created_at) SELECT organisation_id, id, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3) FROM facility WHERE id = ?",
                Statement.RETURN_GENERATED_KEYS)) {
            i.setString(1, name);
            i.setBoolean(2, severity.equals("MAJOR"));
            i.setBoolean(3, severity.equals("MINOR"));
            i.setBoolean(4, severity.equals("NOTICE"));
            i.setInt(5, delayMinutes);
            i.setLong(6, AlarmFixtures.facilityId(facility));
            i.executeUpdate();
            try (ResultSet keys = i.getGeneratedKeys()) {
                keys.next();
                groups.add(keys.getLong(1));
                return keys.getLong(1);
            }
        }
    }

    private static void member(long group, String email, String locale) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement i = c.prepareStatement(
                "INSERT INTO recipient_group_member (group_id, email, locale) VALUES (?, ?, ?)")) {
            i.setLong(1, group);
            i.setString(2, email);
            i.setString(3, locale);
            i.executeUpdate();
        }
    }

    private static int notifications(long point, String group) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT COUNT(*)"
                + " FROM alarm_notification n JOIN alarm a ON a.id = n.alarm_id JOIN recipient_group g ON g.id = n.group_id"
                + " WHERE a.point_id = ? AND g.name = ?")) {
            q.setLong(1, point);
            q.setString(2, group);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static int digestItems(String recipient) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement(
                "SELECT COUNT(*) FROM alarm_digest_item WHERE recipient = ?")) {
            q.setString(1, recipient);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static String jst(Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(java.time.ZoneId.of("Asia/Tokyo")).format(t);
    }
}
