package jp.suijin.notify.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import jp.suijin.notify.Mail;
import jp.suijin.notify.MailAddresses;
import jp.suijin.notify.MailOutbox;

/**
 * Writes the row with the caller's data; once that transaction commits, an interposed
 * synchronization hands the transaction's mails to {@link MailSender} on a managed thread, so a mail
 * is with the relay within a second or so, while {@link MailSenderTimer} covers what that misses.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DefaultMailOutbox implements MailOutbox {

    private static final Logger LOG = Logger.getLogger(DefaultMailOutbox.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final int MAX_SUBJECT = 998;
    /** MEDIUMTEXT holds 16 MiB; a mail of the service is a few KiB, so anything near this is a mistake. */
    private static final int MAX_BODY = 1_000_000;
    private static final Object PENDING_KEY = DefaultMailOutbox.class.getName() + ".ids";

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    private TransactionSynchronizationRegistry transactions;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    @Resource(lookup = "mail/suijin")
    private Session session;

    @Inject
    private MailSender sender;

    @Inject
    private Clock clock;

    @Override
    public long enqueue(Mail mail, String category, Long organisationId) {
        if (mail == null) {
            throw new IllegalArgumentException("mail is required");
        }
        if (category == null || !CATEGORY.matcher(category).matches()) {
            throw new IllegalArgumentException("category must be 1-32 lower-case letters, digits or _: " + category);
        }
        String recipient = mail.to().strip();
        if (!MailAddresses.valid(recipient)) {
            throw new IllegalArgumentException("recipient is not a mail address: " + MailAddresses.mask(recipient));
        }
        if (mail.subject().length() > MAX_SUBJECT || mail.body().length() > MAX_BODY) {
            throw new IllegalArgumentException("subject longer than " + MAX_SUBJECT + " or body longer than " + MAX_BODY
                    + " characters");
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        em.createNativeQuery("INSERT INTO mail_outbox (organisation_id, category, recipient, subject, body, status,"
                + " attempts, next_attempt_at, message_id, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)")
                .setParameter(1, organisationId)
                .setParameter(2, category)
                .setParameter(3, recipient)
                .setParameter(4, mail.subject())
                .setParameter(5, mail.body())
                .setParameter(6, now)
                .setParameter(7, messageId())
                .setParameter(8, now)
                .executeUpdate();
        long id = ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
        afterCommit().add(id);
        return id;
    }

    /** Made before the first attempt, so every attempt carries it: random, under the sending domain. */
    private String messageId() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String from = session.getProperty("mail.from");
        String domain = from == null || from.lastIndexOf('@') < 0 ? "suijin.invalid"
                : from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip();
        return "<" + HexFormat.of().formatHex(random) + ".suijin@" + domain + ">";
    }

    /** The ids this transaction enqueued; the first call registers their send for after the commit. */
    @SuppressWarnings("unchecked")
    private List<Long> afterCommit() {
        List<Long> ids = (List<Long>) transactions.getResource(PENDING_KEY);
        if (ids == null) {
            List<Long> created = new ArrayList<>();
            transactions.putResource(PENDING_KEY, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status != Status.STATUS_COMMITTED) {
                        return;
                    }
                    try {
                        executor.execute(() -> sender.sendNew(created));
                    } catch (RejectedExecutionException e) {
                        LOG.info("Mail outbox: sending after commit refused (" + e.getMessage()
                                + "); the periodic run sends the mails");
                    }
                }
            });
            ids = created;
        }
        return ids;
    }
}
