package jp.suijin.alarm.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import jp.suijin.notify.Mail;
import jp.suijin.notify.MailAddresses;
import jp.suijin.notify.MailOutbox;
import jp.suijin.notify.MailTemplates;
import jp.suijin.persistence.alarm.Severity;
import jp.suijin.telemetry.StateLabels;

/**
 * Alarm and recovery mails to a facility's recipient groups, written to the mail outbox in the
 * transaction that raised or cleared the alarm, so a mail is sent exactly when its alarm commits.
 * Groups with a delay are escalation: they get the alarm only while nobody acknowledged it. A recipient
 * already sent {@link #perMinute} alarm mails in the last minute gets the rest as one digest. The count
 * holds across concurrent batches: each transaction locks the recipients' flood-control rows before
 * counting, so a second batch waits for the first to commit and then counts its mails too.
 */
@ApplicationScoped
public class AlarmMail {

    /** Alarm and recovery mails one recipient gets per minute before the rest wait for a digest. */
    public static final String PER_MINUTE_PROPERTY = "suijin.alarm.mails-per-minute";
    static final int DEFAULT_PER_MINUTE = 10;
    static final String ALARM = "alarm";
    static final String RECOVERY = "recovery";
    static final String DIGEST = "alarm_digest";

    private static final Logger LOG = Logger.getLogger(AlarmMail.class.getName());

    @EJB
    private MailOutbox outbox;

    private int perMinute = DEFAULT_PER_MINUTE;

    @PostConstruct
    void readSettings() {
        perMinute = perMinute(System.getProperty(PER_MINUTE_PROPERTY));
    }

    static int perMinute(String value) {
        if (value != null && !value.isBlank()) {
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= 1 && n <= 1000) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            LOG.warning(() -> PER_MINUTE_PROPERTY + "=" + value + " is not 1 to 1000; using " + DEFAULT_PER_MINUTE);
        }
        return DEFAULT_PER_MINUTE;
    }

    /** Mails the alarm to the facility's groups that are mailed at once for its severity. */
    void raised(Connection c, long alarmId, Instant now) throws SQLException {
        Facts facts = facts(c, alarmId);
        List<Long> groups = groups(c, "SELECT g.id FROM recipient_group g WHERE g.facility_id = ? AND g.enabled"
                + " AND g.delay_minutes = 0 AND " + severityMatches("'" + Severity.valueOf(facts.severity()) + "'"),
                facts.facilityId());
        notifyGroups(c, facts, groups, "alarm.raised", ALARM, now);
    }

    /** Tells the groups that got the alarm (and want recoveries) that it cleared. */
    void cleared(Connection c, long alarmId, Instant now) throws SQLException {
        List<Long> groups = groups(c, "SELECT g.id FROM alarm_notification n JOIN recipient_group g ON g.id = n.group_id"
                + " WHERE n.alarm_id = ? AND g.enabled AND g.notify_recovery", alarmId);
        if (groups.isEmpty()) {
            return;
        }
        Facts facts = facts(c, alarmId);
        Map<String, String> recipients = recipients(c, groups, facts.facilityId());
        lock(c, recipients.keySet(), now);
        for (Map.Entry<String, String> r : recipients.entrySet()) {
            send(c, facts, r.getKey(), r.getValue(), "alarm.cleared", RECOVERY, now);
        }
    }

    /**
     * Sends each uncleared, unacknowledged alarm to the escalation groups whose delay has passed since the
     * alarm was first mailed (or rose, if nobody was mailed at once: an alarm raised for the past, by a
     * catching-up device, escalates from when it became known); returns how many alarm-group pairs were
     * mailed. Each pair is claimed by its notification row, so two servers never both mail it.
     */
    int escalate(Connection c, Instant now) throws SQLException {
        List<long[]> due = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT a.id, g.id FROM alarm a JOIN recipient_group g"
                + " ON g.facility_id = a.facility_id AND g.enabled AND g.delay_minutes > 0 AND " + severityMatches("a.severity")
                + " WHERE a.open_key IS NOT NULL AND a.acked_at IS NULL"
                + " AND COALESCE((SELECT MIN(n.mailed_at) FROM alarm_notification n WHERE n.alarm_id = a.id), a.raised_at)"
                + " <= ? - INTERVAL g.delay_minutes MINUTE"
                + " AND NOT EXISTS (SELECT 1 FROM alarm_notification n WHERE n.alarm_id = a.id AND n.group_id = g.id)"
                + " ORDER BY a.id, g.delay_minutes")) {
            q.setObject(1, AlarmEngine.utc(now));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    due.add(new long[] {r.getLong(1), r.getLong(2)});
                }
            }
        }
        int mailed = 0;
        for (long[] d : due) {
            mailed += notifyGroups(c, facts(c, d[0]), List.of(d[1]), "alarm.escalated", ALARM, now);
        }
        return mailed;
    }

    /**
     * Mails each recipient whose held-back events have waited a minute one digest of them all; returns
     * how many digests went out.
     */
    int flushDigests(Connection c, Instant now) throws SQLException {
        // per organisation: someone in two utilities' groups gets each its own digest
        List<Object[]> due = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT organisation_id, recipient FROM alarm_digest_item"
                + " GROUP BY organisation_id, recipient HAVING MIN(created_at) <= ?")) {
            q.setObject(1, AlarmEngine.utc(now.minus(Duration.ofMinutes(1))));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    due.add(new Object[] {r.getLong(1), r.getString(2)});
                }
            }
        }
        for (Object[] d : due) {
            long organisation = (Long) d[0];
            String recipient = (String) d[1];
            List<Long> items = new ArrayList<>();
            StringBuilder lines = new StringBuilder();
            String locale = "ja";
            try (PreparedStatement q = c.prepareStatement("SELECT id, alarm_id, event, locale FROM alarm_digest_item"
                    + " WHERE organisation_id = ? AND recipient = ? ORDER BY id FOR UPDATE")) {
                q.setLong(1, organisation);
                q.setString(2, recipient);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        items.add(r.getLong(1));
                        locale = r.getString(4);
                        Facts f = facts(c, r.getLong(2));
                        boolean raised = "RAISED".equals(r.getString(3));
                        lines.append(MessageFormat.format(MailTemplates.text("alarm.digest.line", locale),
                                MailTemplates.text(raised ? "alarm.event.raised" : "alarm.event.cleared", locale),
                                MailTemplates.jst(raised ? f.raisedAt() : f.clearedAt()),
                                MailTemplates.text("alarm.severity." + f.severity(), locale), f.facility(), f.source(),
                                MailTemplates.text("alarm.kind." + f.kind(), locale),
                                raised ? f.raisedValue() : f.clearedValue(), f.id())).append('\n');
                    }
                }
            }
            if (items.isEmpty()) {
                continue;
            }
            outbox.enqueue(MailTemplates.render("alarm.digest", recipient, locale, items.size(), lines.toString(),
                    link()), DIGEST, organisation);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM alarm_digest_item WHERE id = ?")) {
                for (long id : items) {
                    delete.setLong(1, id);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        }
        return due.size();
    }

    /** Mails the groups not yet mailed about the alarm; returns how many were. */
    private int notifyGroups(Connection c, Facts facts, List<Long> groups, String template, String category,
            Instant now) throws SQLException {
        List<Long> claimed = new ArrayList<>();
        try (PreparedStatement mark = c.prepareStatement(
                "INSERT IGNORE INTO alarm_notification (alarm_id, group_id, mailed_at) VALUES (?, ?, ?)")) {
            for (long g : groups) {
                mark.setLong(1, facts.id());
                mark.setLong(2, g);
                mark.setObject(3, AlarmEngine.utc(now));
                if (mark.executeUpdate() == 1) {
                    claimed.add(g);
                }
            }
        }
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<String, String> recipients = recipients(c, claimed, facts.facilityId());
        lock(c, recipients.keySet(), now);
        for (Map.Entry<String, String> r : recipients.entrySet()) {
            send(c, facts, r.getKey(), r.getValue(), template, category, now);
        }
        return claimed.size();
    }

    private void send(Connection c, Facts f, String recipient, String locale, String template, String category,
            Instant now) throws SQLException {
        if (recentMails(c, recipient, now) >= perMinute) {
            try (PreparedStatement hold = c.prepareStatement("INSERT INTO alarm_digest_item"
                    + " (organisation_id, recipient, locale, alarm_id, event, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                hold.setLong(1, f.organisationId());
                hold.setString(2, recipient);
                hold.setString(3, locale);
                hold.setLong(4, f.id());
                hold.setString(5, RECOVERY.equals(category) ? "CLEARED" : "RAISED");
                hold.setObject(6, AlarmEngine.utc(now));
                hold.executeUpdate();
            }
            return;
        }
        Mail mail = MailTemplates.render(template, recipient, locale,
                MailTemplates.text("alarm.severity." + f.severity(), locale), f.facility(), f.source(),
                MailTemplates.text("alarm.kind." + f.kind(), locale), f.raisedValue(), limit(f, locale),
                MailTemplates.jst(f.raisedAt()), f.clearedAt() == null ? "-" : MailTemplates.jst(f.clearedAt()),
                f.clearedValue(), link(), f.id());
        outbox.enqueue(mail, category, f.organisationId());
    }

    /** The limit as a mail states it; for a silent device, how long it may stay silent. */
    private static String limit(Facts f, String locale) {
        return "COMM_LOSS".equals(f.kind())
                ? MessageFormat.format(MailTemplates.text("alarm.commloss.limit", locale), f.limit()) : f.limit();
    }

    /**
     * Locks each address's flood-control row until this transaction ends (inserting it the first time). A
     * concurrent batch mailing the same address waits here until this one commits; its count of recent
     * mails is then a new read (read committed) that includes this batch's mails. Addresses are locked in
     * one order within a call, so two batches mailing the same people usually wait for each other; a batch
     * raising several alarms for different groups locks in several calls and can still meet another in a
     * deadlock, which ingest answers by trying the batch again.
     */
    private static void lock(Connection c, Collection<String> recipients, Instant now) throws SQLException {
        Set<String> ordered = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        ordered.addAll(recipients);
        try (PreparedStatement lock = c.prepareStatement("INSERT INTO alarm_mail_recipient (recipient, last_locked_at)"
                + " VALUES (?, ?) ON DUPLICATE KEY UPDATE last_locked_at = VALUES(last_locked_at)")) {
            for (String recipient : ordered) {
                lock.setString(1, recipient);
                lock.setObject(2, AlarmEngine.utc(now));
                lock.executeUpdate();
            }
        }
    }

    private static int recentMails(Connection c, String recipient, Instant now) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?"
                + " AND category IN ('" + ALARM + "', '" + RECOVERY + "') AND created_at > ?")) {
            q.setString(1, recipient);
            q.setObject(2, AlarmEngine.utc(now.minus(Duration.ofMinutes(1))));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static List<Long> groups(Connection c, String sql, long id) throws SQLException {
        List<Long> groups = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    groups.add(r.getLong(1));
                }
            }
        }
        return groups;
    }

    /**
     * Each address once (a user in two groups gets one mail), with its language. A user is mailed only
     * while enabled, in the group's organisation and allowed to see the facility (access can change after
     * they were added). An address that cannot be mailed is skipped and logged, masked: one bad member
     * must not stop the alarm, its samples or the other members' mails.
     */
    private static Map<String, String> recipients(Connection c, List<Long> groups, long facilityId) throws SQLException {
        Map<String, String> recipients = new LinkedHashMap<>();
        String in = groups.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
        try (PreparedStatement q = c.prepareStatement("SELECT u.email, u.locale FROM recipient_group_member m"
                + " JOIN recipient_group g ON g.id = m.group_id JOIN app_user u ON u.id = m.user_id"
                + " WHERE m.group_id IN " + in + " AND u.enabled AND u.organisation_id = g.organisation_id"
                + " AND (NOT EXISTS (SELECT 1 FROM user_facility uf WHERE uf.user_id = u.id)"
                + " OR EXISTS (SELECT 1 FROM user_facility uf WHERE uf.user_id = u.id AND uf.facility_id = ?))"
                + " UNION ALL SELECT m.email, COALESCE(m.locale, 'ja') FROM recipient_group_member m"
                + " WHERE m.group_id IN " + in + " AND m.email IS NOT NULL")) {
            q.setLong(1, facilityId);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    String address = r.getString(1).strip();
                    if (MailAddresses.valid(address)) {
                        recipients.putIfAbsent(address, "en".equals(r.getString(2)) ? "en" : "ja");
                    } else {
                        LOG.warning(() -> "Alarm mail: recipient " + MailAddresses.mask(address) + " of group(s) " + in
                                + " is not a mail address; skipped");
                    }
                }
            }
        }
        return recipients;
    }

    /** SQL: whether group g takes alarms of the severity in {@code severity} (a column or a literal). */
    private static String severityMatches(String severity) {
        return "((" + severity + " = 'MAJOR' AND g.notify_major) OR (" + severity + " = 'MINOR' AND g.notify_minor)"
                + " OR (" + severity + " = 'NOTICE' AND g.notify_notice))";
    }

    private static String link() {
        return Optional.ofNullable(System.getProperty("suijin.operator-url")).orElse("/") + "app/alarms.xhtml";
    }

    /** What a mail says about an alarm, values already formatted as the point shows them. */
    private record Facts(long id, long organisationId, long facilityId, String facility, String source, String kind,
            String severity, Instant raisedAt, String raisedValue, String limit, Instant clearedAt,
            String clearedValue) {
    }

    private static Facts facts(Connection c, long alarmId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT a.id, a.organisation_id, a.facility_id, f.name, a.kind,"
                + " a.severity, a.raised_at, a.raised_value, a.limit_value, a.cleared_at, a.cleared_value,"
                + " p.name, p.code, p.unit, p.decimals, p.state_labels, d.name, d.code"
                + " FROM alarm a JOIN facility f ON f.id = a.facility_id"
                + " LEFT JOIN measurement_point p ON p.id = a.point_id LEFT JOIN field_device d ON d.id = a.device_id"
                + " WHERE a.id = ?")) {
            q.setLong(1, alarmId);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                boolean device = r.getString(12) == null;
                String source = device ? r.getString(17) + " (" + r.getString(18) + ")"
                        : r.getString(12) + " (" + r.getString(13) + ")";
                String unit = device ? null : r.getString(14);
                int decimals = r.getInt(15);
                String labels = r.getString(16);
                LocalDateTime cleared = r.getObject(10, LocalDateTime.class);
                String limit = device ? String.valueOf((long) r.getDouble(9)) : value(r, 9, decimals, null, unit);
                return new Facts(r.getLong(1), r.getLong(2), r.getLong(3), r.getString(4), source, r.getString(5),
                        r.getString(6), r.getObject(7, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        value(r, 8, decimals, labels, unit), limit,
                        cleared == null ? null : cleared.toInstant(ZoneOffset.UTC), value(r, 11, decimals, labels, unit));
            }
        }
    }

    /** A value as the point shows it: its state label, or its decimals and unit; "-" when there is none. */
    private static String value(ResultSet r, int column, int decimals, String labels, String unit) throws SQLException {
        double v = r.getDouble(column);
        if (r.wasNull()) {
            return "-";
        }
        String label = labels == null ? null : StateLabels.label(labels, v);
        if (label != null) {
            return label + " (" + (long) v + ")";
        }
        String number = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        return unit == null || unit.isBlank() ? number : number + " " + unit;
    }
}
