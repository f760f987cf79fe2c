package jp.suijin.auth;

import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.suijin.persistence.user.User;

/**
 * Resolves the container's caller principal to a {@link Caller}, so services scope every query to
 * the caller's organisation. Runs in the caller's transaction and security context.
 */
@Stateless
@LocalBean
public class CallerLookup {

    @Resource
    private SessionContext session;

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    /**
     * The caller's organisation, for services that only organisation users may use.
     *
     * @throws NotSignedInException also for service operators, who have no organisation
     */
    public long organisationId() {
        return current().requireOrganisation();
    }

    /** @throws NotSignedInException when nobody is signed in or the user no longer exists or is disabled */
    public Caller current() {
        String login = session.getCallerPrincipal() == null ? null : session.getCallerPrincipal().getName();
        List<User> users = login == null ? List.of()
                : em.createQuery("SELECT u FROM User u LEFT JOIN FETCH u.organisation WHERE u.loginId = :login",
                        User.class).setParameter("login", login).getResultList();
        if (users.isEmpty() || !users.get(0).isEnabled()) {
            throw new NotSignedInException();
        }
        User u = users.get(0);
        Set<Long> facilities = u.getFacilities().stream().map(f -> f.getId()).collect(Collectors.toUnmodifiableSet());
        return new Caller(u.getId(), u.getLoginId(), u.getDisplayName(),
                u.getOrganisation() == null ? null : u.getOrganisation().getId(), u.getRole(), facilities);
    }
}
