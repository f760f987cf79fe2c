package jp.suijin.security.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;
import jp.suijin.audit.AuditLog;
import jp.suijin.audit.Outcome;
import jp.suijin.notify.MailOutbox;
import jp.suijin.notify.MailTemplates;
import jp.suijin.security.RuleSetting;
import jp.suijin.security.SecurityRule;

/**
 * Turns what a rule found into a {@code security_event} and tells the administrators, without
 * flooding them: the same rule and subject within {@value #DEDUPE_MINUTES} minutes adds to the
 * open event instead of making a new one, and an organisation gets at most {@value #MAILS_PER_RULE_PER_HOUR}
 * security mails an hour from each rule (the rest are on the page, and the rule's next mail says how
 * many were held back). Each rule has its own share, so a noisy rule cannot silence another. Events
 * for no organisation (patterns across organisations) go to the service operators.
 */
@ApplicationScoped
public class SecurityEventSink {

    private static final Logger LOG = Logger.getLogger(SecurityEventSink.class.getName());
    static final int DEDUPE_MINUTES = 60;
    static final int MAILS_PER_RULE_PER_HOUR = 5;
    private static final Duration SETTINGS_CACHE = Duration.ofSeconds(30);

    @Resource(lookup = "jdbc/suijin")
    private DataSource dataSource;

    @Inject
    private MailOutbox mail;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    private final Map<String, Cached> settings = new ConcurrentHashMap<>();

    private record Cached(RuleSetting setting, Instant until) {
    }

    /** The organisation's setting of a rule (its defaults without a row, or for no organisation). */
    public RuleSetting setting(Long organisationId, SecurityRule rule) throws SQLException {
        if (organisationId == null) {
            return rule.defaults();
        }
        String key = organisationId + "|" + rule;
        Instant now = clock.instant();
        Cached cached = settings.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.setting();
        }
        RuleSetting found = rule.defaults();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT enabled,"
                + " threshold, window_minutes FROM security_rule_setting WHERE organisation_id = ? AND rule = ?")) {
            q.setLong(1, organisationId);
            q.setString(2, rule.name());
            try (ResultSet r = q.executeQuery()) {
                if (r.next()) {
                    found = new RuleSetting(rule, r.getBoolean(1), r.getInt(2), r.getInt(3));
                }
            }
        }
        settings.put(key, new Cached(found, now.plus(SETTINGS_CACHE)));
        return found;
    }

    /** Forgets cached settings of an organisation (after its administrator saved them). */
    public void settingsChanged(long organisationId) {
        settings.keySet().removeIf(k -> k.startsWith(organisationId + "|"));
    }

    // one transaction for the event and its mails: the outbox takes mail only inside one, and a mail
    // about an event that was not stored would point administrators at nothing
    @Transactional(rollbackOn = SQLException.class)
    public void raise(SecurityRule rule, Long organisationId, String subject, String clientIp, String detail, Instant at)
            throws SQLException {
        if (!setting(organisationId, rule).enabled()) {
            return;
        }
        LocalDateTime time = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement open = c.prepareStatement("UPDATE security_event SET occurrences = occurrences + 1,"
                    + " last_at = GREATEST(last_at, ?), detail = ? WHERE rule = ? AND subject = ? AND organisation_id <=> ?"
                    + " AND acknowledged_at IS NULL AND last_at >= ? ORDER BY id DESC LIMIT 1")) {
                open.setObject(1, time);
                open.setString(2, cut(detail, 500));
                open.setString(3, rule.name());
                open.setString(4, cut(subject, 128));
                setOrganisation(open, 5, organisationId);
                open.setObject(6, time.minusMinutes(DEDUPE_MINUTES));
                if (open.executeUpdate() > 0) {
                    return;
                }
            }
            boolean mailNow = mailsInLastHour(c, organisationId, rule, time) < MAILS_PER_RULE_PER_HOUR;
            int held = mailNow ? heldBack(c, organisationId, rule, time) : 0;
            long id;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO security_event (organisation_id, rule, subject,"
                    + " client_ip, detail, first_at, last_at, mailed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                setOrganisation(insert, 1, organisationId);
                insert.setString(2, rule.name());
                insert.setString(3, cut(subject, 128));
                insert.setString(4, clientIp == null ? null : cut(clientIp, 45));
                insert.setString(5, cut(detail, 500));
                insert.setObject(6, time);
                insert.setObject(7, time);
                insert.setBoolean(8, mailNow);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            audit.event("security_event", Outcome.OK, subject, organisationId, "securityEventId=" + id,
                    rule.name() + ": " + detail);
            if (mailNow) {
                for (String[] r : recipients(c, organisationId)) {
                    mail.enqueue(MailTemplates.render("security.event", r[0], r[1], r[2],
                            MailTemplates.text("security.rule." + rule.name(), r[1]), subject,
                            clientIp == null ? "-" : clientIp, detail, MailTemplates.jst(at), held),
                            "security_event", organisationId);
                }
            } else {
                LOG.warning(() -> "Security event " + rule + " for " + subject + " not mailed: " + MAILS_PER_RULE_PER_HOUR
                        + " mails of this rule already sent to organisation " + organisationId + " within the hour");
            }
        }
    }

    private static int mailsInLastHour(Connection c, Long organisationId, SecurityRule rule, LocalDateTime time)
            throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM security_event WHERE organisation_id <=> ?"
                + " AND rule = ? AND mailed = TRUE AND first_at >= ?")) {
            setOrganisation(q, 1, organisationId);
            q.setString(2, rule.name());
            q.setObject(3, time.minusHours(1));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** Events of the rule held back by its hourly limit since its last mail (within the last day). */
    private static int heldBack(Connection c, Long organisationId, SecurityRule rule, LocalDateTime time)
            throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM security_event e WHERE"
                + " e.organisation_id <=> ? AND e.rule = ? AND e.mailed = FALSE AND e.first_at >= ? AND NOT EXISTS"
                + " (SELECT 1 FROM security_event m WHERE m.organisation_id <=> e.organisation_id AND m.rule = e.rule"
                + " AND m.mailed = TRUE AND m.id > e.id)")) {
            setOrganisation(q, 1, organisationId);
            q.setString(2, rule.name());
            q.setObject(3, time.minusDays(1));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** e-mail, locale, display name of the organisation's administrators (service operators for none). */
    private static List<String[]> recipients(Connection c, Long organisationId) throws SQLException {
        List<String[]> list = new ArrayList<>();
        String sql = organisationId == null
                ? "SELECT email, locale, display_name FROM app_user WHERE role = 'SERVICE_OPERATOR' AND enabled = TRUE"
                : "SELECT email, locale, display_name FROM app_user WHERE role = 'ADMIN' AND enabled = TRUE"
                        + " AND organisation_id = ?";
        try (PreparedStatement q = c.prepareStatement(sql)) {
            if (organisationId != null) {
                q.setLong(1, organisationId);
            }
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    list.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
                }
            }
        }
        return list;
    }

    private static void setOrganisation(PreparedStatement s, int i, Long organisationId) throws SQLException {
        if (organisationId == null) {
            s.setNull(i, Types.BIGINT);
        } else {
            s.setLong(i, organisationId);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
