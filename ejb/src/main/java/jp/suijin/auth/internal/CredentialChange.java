package jp.suijin.auth.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import jp.suijin.auth.PasswordHasher;
import jp.suijin.notify.MailOutbox;
import jp.suijin.notify.MailTemplates;
import jp.suijin.persistence.user.AccountToken;
import jp.suijin.persistence.user.MobileDevice;
import jp.suijin.persistence.user.User;

/**
 * What a new password means beyond the hash: page sessions signed in before it end (the session
 * guard compares), registered phones and tablets lose their tokens, other set-password links die,
 * and the user is told by mail. Runs in the calling service's transaction.
 */
@ApplicationScoped
public class CredentialChange {

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Inject
    private MailOutbox mail;

    public void newPassword(User user, char[] password, Instant now) {
        user.changePassword(PasswordHasher.hash(password), now);
        for (MobileDevice device : em.createQuery("SELECT d FROM MobileDevice d WHERE d.user = :user"
                + " AND d.revokedAt IS NULL", MobileDevice.class).setParameter("user", user).getResultList()) {
            device.revoke(now);
        }
        for (AccountToken link : em.createQuery("SELECT t FROM AccountToken t WHERE t.user = :user"
                + " AND t.purpose = :purpose AND t.usedAt IS NULL", AccountToken.class)
                .setParameter("user", user).setParameter("purpose", AccountToken.Purpose.PASSWORD_RESET)
                .getResultList()) {
            link.use(now);
        }
        notice(user, "password", now);
    }

    /** Mails the user that a security setting of their account changed ({@code what}: password, twostep.off). */
    public void notice(User user, String what, Instant now) {
        mail.enqueue(MailTemplates.render("changed." + what, user.getEmail(), user.getLocale(), user.getDisplayName(),
                user.getLoginId(), MailTemplates.jst(now)), "credential_change",
                user.getOrganisation() == null ? null : user.getOrganisation().getId());
    }
}
