package jp.suijin.auth;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import jp.suijin.notify.MailService;
import jp.suijin.notify.MailTemplates;
import jp.suijin.persistence.user.User;

/**
 * Checks a login ID and password against the stored hash. Unknown users cost the same hash
 * computation as known ones, so the answer time does not tell which login IDs exist. A successful
 * sign-in is mailed to the user, so a sign-in they did not make is noticed.
 */
@Stateless
@PermitAll
public class CredentialVerifier {

    private static final String DUMMY_HASH = PasswordHasher.hash("not-a-real-password".toCharArray());

    private static final DateTimeFormatter JST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Tokyo"));
    private static final int MAX_USER_AGENT = 200;

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Inject
    private MailService mail;

    @Inject
    private Clock clock;

    public Optional<VerifiedUser> verify(String loginId, char[] password, ClientInfo client) {
        List<User> users = loginId == null || loginId.isBlank() ? List.of()
                : em.createQuery("SELECT u FROM User u WHERE u.loginId = :login", User.class)
                        .setParameter("login", loginId.strip()).getResultList();
        if (users.isEmpty()) {
            PasswordHasher.verify(password, DUMMY_HASH);
            return Optional.empty();
        }
        User user = users.get(0);
        boolean matches = PasswordHasher.verify(password, user.getPasswordHash());
        if (!matches || !user.isEnabled()) {
            return Optional.empty();
        }
        if (PasswordHasher.needsRehash(user.getPasswordHash())) {
            user.setPasswordHash(PasswordHasher.hash(password));
        }
        notifySignIn(user, client);
        return Optional.of(new VerifiedUser(user.getLoginId(), user.getRole().name()));
    }

    private void notifySignIn(User user, ClientInfo client) {
        String agent = client.userAgent() == null ? "-" : client.userAgent().length() > MAX_USER_AGENT
                ? client.userAgent().substring(0, MAX_USER_AGENT) + "…" : client.userAgent();
        mail.send(MailTemplates.render("signin", user.getEmail(), user.getLocale(), user.getDisplayName(),
                user.getLoginId(), JST.format(clock.instant()), client.ip(), agent));
    }

    /** A user whose password matched: the principal name and the one role (group) they hold. */
    public record VerifiedUser(String loginId, String role) {
    }
}
