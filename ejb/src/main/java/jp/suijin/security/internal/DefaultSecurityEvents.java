package jp.suijin.security.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jp.suijin.admin.AdministrationException;
import jp.suijin.auth.Caller;
import jp.suijin.auth.CallerLookup;
import jp.suijin.auth.Roles;
import jp.suijin.security.RuleSetting;
import jp.suijin.security.SecurityEventRow;
import jp.suijin.security.SecurityEvents;
import jp.suijin.security.SecurityRule;

@Stateless
@RolesAllowed(Roles.ADMIN)
public class DefaultSecurityEvents implements SecurityEvents {

    private static final int MAX_PAGE = 100;

    @Resource(lookup = "jdbc/suijin")
    private DataSource dataSource;

    @Inject
    private CallerLookup callers;

    @Inject
    private SecurityEventSink sink;

    @Inject
    private Clock clock;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    private TransactionSynchronizationRegistry transactions;

    @Override
    public List<SecurityEventRow> events(boolean openOnly, int first, int max) {
        String sql = "SELECT id, rule, subject, client_ip, detail, first_at, last_at, occurrences, mailed,"
                + " acknowledged_by, acknowledged_at FROM security_event WHERE organisation_id = ?"
                + (openOnly ? " AND acknowledged_at IS NULL" : "") + " ORDER BY last_at DESC, id DESC LIMIT ? OFFSET ?";
        List<SecurityEventRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setLong(1, callers.organisationId());
            q.setInt(2, Math.max(1, Math.min(MAX_PAGE, max)));
            q.setInt(3, Math.max(0, first));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    SecurityRule rule;
                    try {
                        rule = SecurityRule.valueOf(r.getString("rule"));
                    } catch (IllegalArgumentException retired) {
                        continue; // a rule no longer known to this version
                    }
                    rows.add(new SecurityEventRow(r.getLong("id"), rule, r.getString("subject"),
                            r.getString("client_ip"), r.getString("detail"), instant(r, "first_at"),
                            instant(r, "last_at"), r.getInt("occurrences"), r.getBoolean("mailed"),
                            r.getString("acknowledged_by"), instant(r, "acknowledged_at")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading security events failed", e);
        }
        return rows;
    }

    @Override
    public int count(boolean openOnly) {
        // one organisation's events are few (they are merged per rule and subject), unlike audit records
        String sql = "SELECT COUNT(*) FROM security_event WHERE organisation_id = ?"
                + (openOnly ? " AND acknowledged_at IS NULL" : "");
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setLong(1, callers.organisationId());
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Counting security events failed", e);
        }
    }

    @Override
    public int acknowledge(Set<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return 0;
        }
        Caller caller = callers.current();
        long organisation = caller.requireOrganisation();
        String marks = eventIds.stream().map(id -> "?").collect(Collectors.joining(", "));
        try (Connection c = dataSource.getConnection(); PreparedStatement u = c.prepareStatement("UPDATE security_event"
                + " SET acknowledged_by = ?, acknowledged_at = ? WHERE organisation_id = ? AND acknowledged_at IS NULL"
                + " AND id IN (" + marks + ")")) {
            u.setString(1, caller.loginId());
            u.setObject(2, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            u.setLong(3, organisation);
            int i = 4;
            for (Long id : eventIds) {
                u.setLong(i++, id);
            }
            return u.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Acknowledging security events failed", e);
        }
    }

    @Override
    public List<RuleSetting> ruleSettings() {
        long organisation = callers.organisationId();
        Map<SecurityRule, RuleSetting> settings = new EnumMap<>(SecurityRule.class);
        for (SecurityRule rule : SecurityRule.values()) {
            settings.put(rule, rule.defaults());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT rule, enabled,"
                + " threshold, window_minutes FROM security_rule_setting WHERE organisation_id = ?")) {
            q.setLong(1, organisation);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    try {
                        SecurityRule rule = SecurityRule.valueOf(r.getString(1));
                        settings.put(rule, new RuleSetting(rule, r.getBoolean(2), r.getInt(3), r.getInt(4)));
                    } catch (IllegalArgumentException retired) {
                        // a rule no longer known to this version
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading security rule settings failed", e);
        }
        return List.copyOf(settings.values());
    }

    @Override
    public void saveRuleSettings(List<RuleSetting> settings) {
        long organisation = callers.organisationId();
        for (RuleSetting s : settings) {
            String problem = s.problem();
            if ("threshold".equals(problem)) {
                throw new AdministrationException(s.rule().name(), "threshold", s.rule().minThreshold(),
                        s.rule().maxThreshold());
            }
            if ("window".equals(problem)) {
                throw new AdministrationException(s.rule().name(), "window", s.rule().minWindow(), s.rule().maxWindow());
            }
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement u = c.prepareStatement("INSERT INTO"
                + " security_rule_setting (organisation_id, rule, enabled, threshold, window_minutes)"
                + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE enabled = VALUES(enabled),"
                + " threshold = VALUES(threshold), window_minutes = VALUES(window_minutes)")) {
            for (RuleSetting s : settings) {
                u.setLong(1, organisation);
                u.setString(2, s.rule().name());
                u.setBoolean(3, s.enabled());
                u.setInt(4, s.threshold());
                u.setInt(5, s.windowMinutes());
                u.addBatch();
            }
            u.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Saving security rule settings failed", e);
        }
        // after commit: a rule firing meanwhile would otherwise cache the old values again
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                sink.settingsChanged(organisation);
            }
        });
    }



    private static Instant instant(ResultSet r, String column) throws SQLException {
        LocalDateTime t = r.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
