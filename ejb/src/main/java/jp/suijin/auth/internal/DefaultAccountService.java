package jp.suijin.auth.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import jp.suijin.audit.AuditLog;
import jp.suijin.audit.Outcome;
import jp.suijin.auth.AccountService;
import jp.suijin.auth.AccountSummary;
import jp.suijin.auth.CallerLookup;
import jp.suijin.auth.LoginService;
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

    @Inject
    private LoginService logins;

    @Inject
    private CredentialChange credentials;

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Override
    public AccountSummary mine() {
        User user = me();
        return new AccountSummary(user.getLoginId(), user.getDisplayName(), user.getEmail(), user.isOtpEnabled(),
                organisationRequiresTwoStep(user));
    }

    @Override
    public void changePassword(char[] current, char[] next) {
        User user = me();
        // checked first, so the policy cannot be probed without the password
        requireCurrentPassword(user, current);
        PasswordPolicy.check(new String(next), user.getLoginId()).ifPresent(v -> {
            throw new PasswordRejectedException(PasswordRejectedException.Reason.valueOf(v.name()));
        });
        credentials.newPassword(user, next, clock.instant());
        audit.event("authn_password_change", Outcome.OK, user.getLoginId(), organisationOf(user), "userId=" + user.getId(),
                "changed by the user");
    }

    private static Long organisationOf(User user) {
        return user.getOrganisation() == null ? null : user.getOrganisation().getId();
    }

    @Override
    public void setTwoStepSignIn(boolean enabled, char[] currentPassword) {
        User user = me();
        if (!enabled && user.isOtpEnabled()) {
            requireCurrentPassword(user, currentPassword);
            credentials.notice(user, "twostep.off", clock.instant());
            audit.event("authn_otp_disabled", Outcome.OK, user.getLoginId(), organisationOf(user), "userId=" + user.getId(),
                    "two-step sign-in switched off by the user");
        }
        user.setOtpEnabled(enabled);
    }

    /** A wrong password is counted toward the lockout by the sign-in service (in a transaction of its own). */
    private void requireCurrentPassword(User user, char[] password) {
        if (!logins.verifyCurrentPassword(user.getLoginId(), password)) {
            throw new PasswordRejectedException(PasswordRejectedException.Reason.WRONG_CURRENT);
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
