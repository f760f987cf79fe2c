package jp.suijin.notify.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import jp.suijin.jdbc.Columns;
import jp.suijin.resilience.CheckResult;
import jp.suijin.resilience.HealthContributor;

/**
 * The mail part of health: the relay accepts a connection, and the outbox is not falling behind (its
 * oldest pending mail waits less than {@link #BEHIND}).
 */
@ApplicationScoped
public class MailHealth implements HealthContributor {

    static final Duration BEHIND = Duration.ofMinutes(15);
    private static final int CONNECT_TIMEOUT_MS = 3_000;

    @Resource(lookup = "jdbc/suijin")
    private DataSource dataSource;

    @Resource(lookup = "mail/suijin")
    private Session session;

    @Inject
    private Clock clock;

    @Override
    public CheckResult check() {
        Map<String, String> data = new LinkedHashMap<>();
        String host = session.getProperty("mail.smtp.host") != null ? session.getProperty("mail.smtp.host")
                : session.getProperty("mail.host");
        int port = Integer.parseInt(session.getProperty("mail.smtp.port") == null ? "25"
                : session.getProperty("mail.smtp.port"));
        boolean relay = reachable(host, port);
        data.put("relay", host + ":" + port + (relay ? " reachable" : " unreachable"));
        Instant now = clock.instant();
        boolean keepingUp;
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT COUNT(*),"
                + " MIN(created_at) FROM mail_outbox WHERE status = 'PENDING'"
                + " UNION ALL SELECT COUNT(*), NULL FROM mail_outbox WHERE status = 'FAILED' AND created_at >= ?")) {
            q.setObject(1, LocalDateTime.ofInstant(now.minus(Duration.ofDays(1)), ZoneOffset.UTC));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                Instant oldest = Columns.utc(r, 2);
                data.put("pending", String.valueOf(r.getLong(1)));
                data.put("oldestPending", oldest == null ? "-" : oldest.toString());
                keepingUp = oldest == null || Duration.between(oldest, now).compareTo(BEHIND) < 0;
                r.next();
                data.put("failedLastDay", String.valueOf(r.getLong(1)));
            }
        } catch (SQLException e) {
            data.put("outbox", "unreadable (" + e.getClass().getSimpleName() + ")");
            keepingUp = false;
        }
        return new CheckResult("mail", relay && keepingUp, data);
    }

    private static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
