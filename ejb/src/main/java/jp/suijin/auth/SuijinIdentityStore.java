package jp.suijin.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * The database-backed identity store for mechanisms that sign in with a password alone (HTTP Basic
 * in test probes, later the mobile API). Lockout applies; an account that needs a one-time code is
 * refused here, since this kind of sign-in cannot ask for one. The user's role is the only group;
 * the domain maps groups to roles one to one.
 */
@ApplicationScoped
public class SuijinIdentityStore implements IdentityStore {

    @Inject
    private LoginService logins;

    @Inject
    private HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        LoginOutcome outcome = logins.checkPassword(login.getCaller(), login.getPassword().getValue(),
                new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent")));
        return outcome.status() == LoginOutcome.Status.SIGNED_IN
                ? new CredentialValidationResult(outcome.loginId(), Set.of(outcome.role()))
                : CredentialValidationResult.INVALID_RESULT;
    }
}
