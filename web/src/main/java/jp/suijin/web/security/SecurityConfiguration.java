package jp.suijin.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jp.suijin.auth.Roles;

/**
 * Container-managed form login for the operator pages: the login page posts to {@link LoginView},
 * which hands the credentials to the container; the identity store lives in the EJB module.
 */
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER, Roles.SERVICE_OPERATOR})
public class SecurityConfiguration {
}
