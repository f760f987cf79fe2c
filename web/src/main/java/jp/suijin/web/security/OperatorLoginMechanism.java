package jp.suijin.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import jp.suijin.auth.ClientInfo;
import jp.suijin.auth.LoginOutcome;
import jp.suijin.auth.LoginService;
import jp.suijin.auth.MobileCaller;
import jp.suijin.auth.MobileTokenService;
import jp.suijin.auth.Roles;
import jp.suijin.resilience.DatabaseOutage;
import jp.suijin.web.audit.AccessLog;
import jp.suijin.web.audit.SessionAudit;
import jp.suijin.web.filter.UnexpectedErrorFilter;

/**
 * Container-managed sign-in for the operator pages, in one or two steps: the login page hands over
 * the password ({@link LoginView}); if the user needs a one-time code, the challenge is kept in this
 * session only and the code page ({@link OneTimeCodeView}) hands over the code. The session then
 * remembers the caller, and every later request of that session is the guard's to pass (see
 * {@link #signedInSession}). A protected page asked for without a session is answered with a
 * redirect to the login page. The mobile API never takes the session: only its bearer token.
 */
@ApplicationScoped
@DeclareRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER, Roles.SERVICE_OPERATOR})
public class OperatorLoginMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";
    private static final String BEARER = "Bearer ";
    /** Request attribute: the {@link LoginOutcome.Status} of a failed step, for the view that asked. */
    static final String OUTCOME = "suijin.login.outcome";
    /** Session attributes of a pending second step. */
    static final String CHALLENGE = "suijin.login.challenge";
    static final String MASKED_EMAIL = "suijin.login.maskedEmail";
    /** Session attributes of a signed-in session, written at sign-in and checked on every request. */
    static final String SIGNED_IN_AT = "suijin.session.signedInAt";
    static final String ROLE = "suijin.session.role";
    /** Static page resources: they need no caller, so they cost no session check. */
    private static final String FACES_RESOURCES = "/jakarta.faces.resource/";

    @Inject
    private LoginService logins;

    @Inject
    private MobileTokenService mobileTokens;

    @Inject
    private Clock clock;

    @Inject
    private DatabaseOutage outage;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        try {
            return validate(request, response, context);
        } catch (RuntimeException e) {
            // this runs before any filter or mapper: an outage here gets their 503, not the container's 500
            if (!outage.failed(e)) {
                throw e;
            }
            AccessLog.answered(request, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            try {
                if (isApi(request)) {
                    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                    response.setHeader("Retry-After", String.valueOf(UnexpectedErrorFilter.RETRY_AFTER_SECONDS));
                    response.setContentType("application/json");
                    response.setCharacterEncoding("UTF-8");
                    response.getWriter().write(Json.createObjectBuilder().add("error", "database_unavailable")
                            .add("message", "the service cannot reach its database; send the request again later")
                            .build().toString());
                } else {
                    UnexpectedErrorFilter.unavailable(request, response);
                }
            } catch (java.io.IOException | jakarta.servlet.ServletException answering) {
                // the client went away; nothing more to tell it
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private AuthenticationStatus validate(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (isMobileApi(request)) {
            return mobileApi(request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential password) {
            return answer(logins.checkPassword(password.getCaller(), password.getPassword().getValue(), client(request)),
                    request, context);
        }
        if (credential instanceof OneTimeCodeCredential code) {
            HttpSession session = request.getSession(false);
            String challenge = session == null ? null : (String) session.getAttribute(CHALLENGE);
            LoginOutcome outcome = challenge == null ? LoginOutcome.of(LoginOutcome.Status.REFUSED)
                    : logins.checkCode(challenge, code.code(), client(request));
            return answer(outcome, request, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SessionAudit.LOGIN) != null && !isApi(request)
                && !request.getServletPath().startsWith(FACES_RESOURCES)) {
            AuthenticationStatus status = signedInSession(session, context);
            if (status != null) {
                return status;
            }
            SessionAudit.ending(session, "ended by the session guard (time limit, or user disabled or changed)");
            session.invalidate();
            if (context.isProtected()) {
                return toLoginPage(request, response, context, LOGIN_PAGE + "?ended=1");
            }
            return context.doNothing();
        }
        if (context.isProtected()) {
            return toLoginPage(request, response, context, LOGIN_PAGE);
        }
        return context.doNothing();
    }

    /**
     * The session guard, for every path a page session reaches (pages, their ajax and downloads, the
     * push socket, any servlet): the caller of a session that may go on, with the organisation's idle
     * limit applied; null for a session that must end (absolute limit passed, user disabled or removed,
     * role or password changed since sign-in).
     */
    private AuthenticationStatus signedInSession(HttpSession session, HttpMessageContext context) {
        String login = (String) session.getAttribute(SessionAudit.LOGIN);
        String role = (String) session.getAttribute(ROLE);
        Instant signedInAt = (Instant) session.getAttribute(SIGNED_IN_AT);
        if (role == null || signedInAt == null) {
            return null;
        }
        OptionalInt idleMinutes = logins.sessionIdleMinutes(login, role, signedInAt);
        if (idleMinutes.isEmpty()) {
            return null;
        }
        session.setMaxInactiveInterval(idleMinutes.getAsInt() * 60);
        return context.notifyContainerAboutLogin(login, Set.of(role));
    }

    private static AuthenticationStatus toLoginPage(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, String page) {
        String login = request.getContextPath() + page;
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // an open page's poll after its session ended: a plain 302 would leave it frozen on old values
            writeAjaxRedirect(response, login);
            AccessLog.answered(request, HttpServletResponse.SC_OK);
            return AuthenticationStatus.SEND_CONTINUE;
        }
        AccessLog.answered(request, HttpServletResponse.SC_FOUND);
        return context.redirect(login);
    }

    /** The mobile API signs in with a bearer access token on every request; it does not rely on a session. */
    private AuthenticationStatus mobileApi(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.startsWith(BEARER)) {
            Optional<MobileCaller> caller = mobileTokens.authenticate(authorization.substring(BEARER.length()).strip());
            if (caller.isPresent()) {
                return context.notifyContainerAboutLogin(caller.get().loginId(), Set.of(caller.get().role()));
            }
            return unauthorized(request, response, "invalid_token",
                    "the access token is unknown or expired, or its device was removed; refresh or sign in again");
        }
        if (context.isProtected()) {
            return unauthorized(request, response, "token_required", "send \"Authorization: Bearer <access token>\"");
        }
        return context.doNothing();
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
            String code, String message) {
        AccessLog.answered(request, HttpServletResponse.SC_UNAUTHORIZED);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"suijin-mobile\"");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write(Json.createObjectBuilder().add("error", code).add("message", message).build()
                    .toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** The device and mobile APIs: each request carries its own token, a page session counts for nothing there. */
    private static boolean isApi(HttpServletRequest request) {
        return "/api".equals(request.getServletPath());
    }

    static boolean isMobileApi(HttpServletRequest request) {
        String info = request.getPathInfo();
        return "/api".equals(request.getServletPath()) && info != null && info.startsWith("/mobile/");
    }

    /** The answer Faces ajax (e.g. a page's poll) understands as "go to this page". */
    static void writeAjaxRedirect(HttpServletResponse response, String url) {
        try {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + url + "\"/></partial-response>");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private AuthenticationStatus answer(LoginOutcome outcome, HttpServletRequest request,
            HttpMessageContext context) {
        HttpSession session = request.getSession();
        switch (outcome.status()) {
            case SIGNED_IN -> {
                session.removeAttribute(CHALLENGE);
                session.removeAttribute(MASKED_EMAIL);
                // what the session guard checks on every request from now on
                session.setAttribute(SIGNED_IN_AT, clock.instant());
                session.setAttribute(ROLE, outcome.role());
                session.setAttribute(SessionAudit.LOGIN, outcome.loginId());
                return context.notifyContainerAboutLogin(outcome.loginId(), Set.of(outcome.role()));
            }
            case CODE_SENT -> {
                session.setAttribute(CHALLENGE, outcome.challengeToken());
                session.setAttribute(MASKED_EMAIL, outcome.maskedEmail());
            }
            case REFUSED -> {
                session.removeAttribute(CHALLENGE);
                session.removeAttribute(MASKED_EMAIL);
            }
            case WRONG_CODE -> {
                // the same challenge may be tried again
            }
        }
        request.setAttribute(OUTCOME, outcome.status());
        // no 401 error page: the login (or code) page answers, the same for every kind of refusal
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static ClientInfo client(HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
