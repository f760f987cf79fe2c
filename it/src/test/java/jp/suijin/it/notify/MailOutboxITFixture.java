package jp.suijin.it.notify;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import jp.suijin.auth.PasswordHasher;
import jp.suijin.persistence.user.Role;
import jp.suijin.persistence.user.User;

/** A service operator, for the DNS records page; created once when the probe deploys. */
@Singleton
@Startup
@DependsOn("suijin-ejb.jar#SchemaMigrator")
public class MailOutboxITFixture {

    static final String SERVICE_OPERATOR = "it-mail-ops";
    static final String PASSWORD = "It-mail-ops-password-0123";

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @PostConstruct
    void create() {
        if (!em.createQuery("SELECT u FROM User u WHERE u.loginId = :login").setParameter("login", SERVICE_OPERATOR)
                .getResultList().isEmpty()) {
            return;
        }
        em.persist(new User(null, SERVICE_OPERATOR, "メール運用担当", "mail-ops@suijin.test",
                PasswordHasher.hash(PASSWORD.toCharArray()), Role.SERVICE_OPERATOR, Instant.now()));
    }
}
