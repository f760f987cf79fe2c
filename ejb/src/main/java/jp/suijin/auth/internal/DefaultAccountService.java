package jp.suijin.auth.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jp.suijin.auth.AccountService;
import jp.suijin.auth.AccountSummary;
import jp.suijin.auth.CallerLookup;
import jp.suijin.auth.NotSignedInException;
import jp.suijin.auth.PasswordHasher;
import jp.suijin.auth.PasswordPolicy;
import jp.suijin.auth.PasswordRejectedException;
import jp.suijin.auth.Roles;
import jp.suijin.persistence.user.OrganisationSecurity;
import jp.suijin.persistence.user.User;

@Stateless
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER, Roles.SERVICE_OPERATOR})
public class DefaultAccountService implements AccountService {

    @Inject
    private CallerLookup callers;

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Override
    public AccountSummary mine() {
        User user = me();
        return new AccountSummary(user.getLoginId(), user.getDisplayName(), user.getEmail(), user.isOtpEnabled(),
                organisationRequiresTwoStep(user));
    }

    @Override
    public void changePassword(char[] current, char[] next) {
        User user = me();
        if (!PasswordHasher.verify(current, user.getPasswordHash())) {
            throw new PasswordRejectedException(PasswordRejectedException.Reason.WRONG_CURRENT);
        }
        PasswordPolicy.check(new String(next), user.getLoginId()).ifPresent(v -> {
            throw new PasswordRejectedException(PasswordRejectedException.Reason.valueOf(v.name()));
        });
        user.setPasswordHash(PasswordHasher.hash(next));
    }

    @Override
    public void setTwoStepSignIn(boolean enabled) {
        me().setOtpEnabled(enabled);
    }

    @Override
    public boolean sessionStillValid(String role) {
        try {
            return callers.current().role().name().equals(role);
        } catch (NotSignedInException e) {
            return false;
        }
    }

    private User me() {
        return em.find(User.class, callers.current().userId());
    }

    private boolean organisationRequiresTwoStep(User user) {
        OrganisationSecurity rules = user.getOrganisation() == null ? null
                : em.find(OrganisationSecurity.class, user.getOrganisation().getId());
        return rules != null && rules.isOtpRequired();
    }
}
