package jp.suijin.notify.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import jp.suijin.audit.AuditRetention;
import jp.suijin.notify.MailAddresses;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends what the outbox holds. A run claims up to {@value #BATCH} due PENDING rows ({@code FOR
 * UPDATE SKIP LOCKED}, so overlapping runs, on this server or another, never take the same row),
 * pushes their next attempt out by a {@link #LEASE} and counts the attempt, commits, then hands them
 * to the relay over one SMTP connection, DKIM-signed, and marks each SENT, or due again after a
 * back-off (5 s doubling up to 10 minutes), or FAILED once it has been pending {@link #GIVE_UP}.
 *
 * <p>Delivery is at least once: the relay accepting a mail and the row becoming SENT are two steps,
 * so a server that dies between them sends that mail again once its lease ends, with the same
 * Message-ID (mail programs and archives recognise it as the same mail). A row is marked only while
 * it is still the claim that sent it (same attempt count), so a late answer of an expired claim
 * cannot undo a later one. Nothing of a body is logged or kept in {@code last_error}, and a body is
 * emptied once its mail is SENT or FAILED: bodies hold one-time codes and links, and the row is kept
 * as the record of what was sent to whom.
 *
 * <p>A CDI bean, not an EJB: it is the delivery machinery behind {@code MailOutbox}, not a business
 * operation, so it makes no audit record per run. Its connections commit on their own (callers hold
 * no JTA transaction: the after-commit task and a bean-managed timer).
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
    static final int BATCH = 10;
    /** Longer than a batch can take with the session's timeouts (10 s connect, 30 s per answer). */
    static final Duration LEASE = Duration.ofMinutes(10);
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(10);
    static final Duration GIVE_UP = Duration.ofHours(48);
    private static final int MAX_ROUNDS = 100;
    private static final int PURGE_CHUNK = 5_000;

    @Resource(lookup = "jdbc/suijin")
    private DataSource dataSource;

    @Resource(lookup = "mail/suijin")
    private Session session;

    @Inject
    private Clock clock;

    private volatile DkimKey key;
    private volatile String keySource;

    private record Claimed(long id, String category, String recipient, String subject, String body, String messageId,
            int attempts, Instant createdAt) {
    }

    /** Sends these just-committed mails now, unless another run already took them. */
    public void sendNew(List<Long> ids) {
        try {
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
                deliver(claim("id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") AND attempts = 0",
                        new ArrayList<>(chunk)));
            }
        } catch (SQLException e) {
            LOG.warning("Mail outbox: new mails not sent now (the next run retries them): " + e);
        }
    }

    /** Sends every PENDING mail due now; returns how many the relay accepted. */
    public int sendDue() throws SQLException {
        int sent = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Claimed> claimed = claim("next_attempt_at <= ?", List.of(utc(clock.instant())));
            sent += deliver(claimed);
            if (claimed.size() < BATCH) {
                break;
            }
        }
        return sent;
    }

    /** Removes SENT and FAILED mails older than the audit retention (mails are a record of what the service told whom). */
    public int purge() throws SQLException {
        LocalDateTime before = utc(clock.instant().minus(Duration.ofDays(AuditRetention.days())));
        int removed = 0;
        int chunk;
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                "DELETE FROM mail_outbox WHERE status IN ('SENT', 'FAILED') AND created_at < ? LIMIT " + PURGE_CHUNK)) {
            do {
                delete.setObject(1, before);
                chunk = delete.executeUpdate();
                removed += chunk;
            } while (chunk == PURGE_CHUNK);
        }
        return removed;
    }

    private List<Claimed> claim(String condition, List<Object> parameters) throws SQLException {
        Instant now = clock.instant();
        List<Claimed> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement q = c.prepareStatement("SELECT id, category, recipient, subject, body, message_id,"
                        + " attempts, created_at FROM mail_outbox WHERE status = 'PENDING' AND " + condition
                        + " ORDER BY next_attempt_at, id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED")) {
                    for (int i = 0; i < parameters.size(); i++) {
                        q.setObject(i + 1, parameters.get(i));
                    }
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            claimed.add(new Claimed(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                                    r.getString(5), r.getString(6), r.getInt(7) + 1,
                                    r.getObject(8, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
                        }
                    }
                }
                try (PreparedStatement lease = c.prepareStatement(
                        "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?")) {
                    for (Claimed m : claimed) {
                        lease.setObject(1, utc(now.plus(LEASE)));
                        lease.setLong(2, m.id());
                        lease.addBatch();
                    }
                    lease.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        return claimed;
    }

    private int deliver(List<Claimed> claimed) throws SQLException {
        if (claimed.isEmpty()) {
            return 0;
        }
        DkimSigner signer;
        try {
            signer = key().signer();
        } catch (IllegalStateException e) {
            // never unsigned: the mails wait (and say why) until the key is set right
            for (Claimed m : claimed) {
                failed(m, e.getMessage(), false);
            }
            return 0;
        }
        int sent = 0;
        Transport transport;
        try {
            transport = session.getTransport("smtp");
            transport.connect();
        } catch (MessagingException e) {
            for (Claimed m : claimed) {
                failed(m, describe(e), false);
            }
            return 0;
        }
        try {
            for (Claimed m : claimed) {
                try {
                    MimeMessage message = message(m, signer);
                    transport.sendMessage(message, message.getAllRecipients());
                    sent(m);
                    sent++;
                } catch (AddressException e) {
                    failed(m, describe(e), true);
                } catch (MessagingException | RuntimeException e) {
                    failed(m, describe(e), false);
                }
            }
        } finally {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.fine(() -> "Closing the SMTP connection: " + e);
            }
        }
        return sent;
    }

    private MimeMessage message(Claimed m, DkimSigner signer) throws MessagingException {
        Instant now = clock.instant();
        MimeMessage message = new SignedMessage(session, m.messageId(), signer, now);
        message.setFrom();
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(m.recipient(), false));
        message.setSubject(m.subject(), "UTF-8");
        message.setText(m.body(), "UTF-8");
        message.setSentDate(Date.from(now));
        return message;
    }

    /** The key, read again when the alias changed (apply.sh with a new key file needs no redeploy). */
    DkimKey key() {
        String from = session.getProperty("mail.from");
        String source = ConfigProvider.getConfig().getOptionalValue(DkimKey.ALIAS, String.class).orElse("") + "|" + from
                + "|" + System.getProperty(DkimKey.DOMAIN_PROPERTY) + "|" + System.getProperty(DkimKey.SELECTOR_PROPERTY);
        DkimKey current = key;
        if (current == null || !source.equals(keySource)) {
            current = DkimKey.load(from);
            key = current;
            keySource = source;
        }
        return current;
    }

    private void sent(Claimed m) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement u = c.prepareStatement(
                "UPDATE mail_outbox SET status = 'SENT', sent_at = ?, last_error = NULL, body = ''"
                        + " WHERE id = ? AND status = 'PENDING' AND attempts = ?")) {
            u.setObject(1, utc(clock.instant()));
            u.setLong(2, m.id());
            u.setInt(3, m.attempts());
            u.executeUpdate();
        }
    }

    private void failed(Claimed m, String error, boolean permanent) throws SQLException {
        Instant now = clock.instant();
        boolean giveUp = permanent || !now.isBefore(m.createdAt().plus(GIVE_UP));
        Instant next = now.plus(backOff(m.attempts()));
        try (Connection c = dataSource.getConnection(); PreparedStatement u = c.prepareStatement(
                "UPDATE mail_outbox SET status = ?, next_attempt_at = ?, last_error = ?,"
                        + " body = IF(? = 'FAILED', '', body) WHERE id = ? AND status = 'PENDING' AND attempts = ?")) {
            u.setString(1, giveUp ? "FAILED" : "PENDING");
            u.setObject(2, utc(giveUp ? now : next));
            u.setString(3, error);
            u.setString(4, giveUp ? "FAILED" : "PENDING");
            u.setLong(5, m.id());
            u.setInt(6, m.attempts());
            u.executeUpdate();
        }
        if (giveUp) {
            LOG.severe(() -> "Mail outbox: mail " + m.id() + " (" + m.category() + ") to " + MailAddresses.mask(m.recipient())
                    + " given up after " + m.attempts() + " attempt(s) since " + m.createdAt() + ": " + error);
        } else {
            LOG.log(m.attempts() == 1 ? Level.WARNING : Level.INFO, () -> "Mail outbox: mail " + m.id() + " ("
                    + m.category() + ") to " + MailAddresses.mask(m.recipient()) + " not sent (attempt " + m.attempts()
                    + "), next attempt at " + next + ": " + error);
        }
    }

    /** 5 s after the first attempt, doubling, at most 10 minutes. */
    static Duration backOff(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }

    /** The exception and its cause in one line, at most 500 characters (the relay's answer, never the mail). */
    static String describe(Exception e) {
        StringBuilder b = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        if (e.getCause() != null && e.getCause() != e) {
            b.append(" (").append(e.getCause().getClass().getSimpleName()).append(": ").append(e.getCause().getMessage())
                    .append(')');
        }
        String line = b.toString().replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() <= 500 ? line : line.substring(0, 499) + "…";
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
