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
 * The database-backed identity store every web module's authentication mechanism uses. It returns
 * the user's role as the only group; the domain maps groups to roles one to one.
 */
@ApplicationScoped
public class SuijinIdentityStore implements IdentityStore {

    @Inject
    private CredentialVerifier verifier;

    @Inject
    private HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        ClientInfo client = new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
        return verifier.verify(login.getCaller(), login.getPassword().getValue(), client)
                .map(user -> new CredentialValidationResult(user.loginId(), Set.of(user.role())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
