package jp.suijin.auth.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import jp.suijin.auth.AccountService;
import jp.suijin.auth.AccountSummary;
import jp.suijin.auth.Caller;
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

    @Inject
    private Clock clock;

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
    public OptionalInt sessionIdleMinutes(String role, Instant signedInAt) {
        Caller caller;
        try {
            caller = callers.current();
        } catch (NotSignedInException e) {
            return OptionalInt.empty();
        }
        OrganisationSecurity rules = caller.organisationId() == null ? null
                : em.find(OrganisationSecurity.class, caller.organisationId());
        if (rules == null) {
            rules = OrganisationSecurity.defaults();
        }
        boolean valid = caller.role().name().equals(role)
                && clock.instant().isBefore(signedInAt.plus(Duration.ofHours(rules.getAbsoluteTimeoutHours())));
        return valid ? OptionalInt.of(rules.getIdleTimeoutMinutes()) : OptionalInt.empty();
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
