package jp.suijin.auth.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.suijin.auth.PasswordHasher;
import jp.suijin.auth.SecureTokens;
import jp.suijin.persistence.user.AccountToken;
import jp.suijin.persistence.user.User;

/**
 * Single-use links mailed to users (unlock, set password): a 256-bit random token of which only the
 * SHA-256 is stored. Runs in the calling service's transaction; the services check who may ask.
 */
@ApplicationScoped
public class AccountLinks {

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    /** A new link token; the caller mails {@link #url} with it. */
    public String issue(User user, AccountToken.Purpose purpose, Instant now, Duration validity) {
        String token = SecureTokens.random();
        em.persist(new AccountToken(user, purpose, PasswordHasher.sha256(token), now, now.plus(validity)));
        return token;
    }

    /** The user a valid, unused token was issued to, marking it used; empty for anything else. */
    public Optional<User> redeem(String token, AccountToken.Purpose purpose, Instant now) {
        AccountToken found = find(token, purpose);
        if (found == null || !found.isUsableAt(now)) {
            return Optional.empty();
        }
        found.use(now);
        return Optional.of(found.getUser());
    }

    /** Whether a token is still valid, without using it (to show the form that will use it). */
    public boolean isUsable(String token, AccountToken.Purpose purpose, Instant now) {
        AccountToken found = find(token, purpose);
        return found != null && found.isUsableAt(now);
    }

    public boolean hasPending(User user, AccountToken.Purpose purpose, Instant now) {
        return !em.createQuery("SELECT t FROM AccountToken t WHERE t.user = :user AND t.purpose = :purpose"
                + " AND t.usedAt IS NULL AND t.expiresAt > :now", AccountToken.class)
                .setParameter("user", user)
                .setParameter("purpose", purpose)
                .setParameter("now", now)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The link to a page of the operator site, from the domain's {@code suijin.operator-url}. */
    public static String url(String page, String token) {
        String base = Optional.ofNullable(System.getProperty("suijin.operator-url")).orElse("/");
        return (base.endsWith("/") ? base : base + "/") + page + "?token=" + token;
    }

    private AccountToken find(String token, AccountToken.Purpose purpose) {
        if (token == null || token.isBlank()) {
            return null;
        }
        List<AccountToken> found = em.createQuery("SELECT t FROM AccountToken t WHERE t.tokenHash = :hash"
                + " AND t.purpose = :purpose", AccountToken.class)
                .setParameter("hash", PasswordHasher.sha256(token.strip()))
                .setParameter("purpose", purpose)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
