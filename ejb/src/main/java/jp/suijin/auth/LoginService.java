package jp.suijin.auth;

import jakarta.ejb.Local;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * Sign-in with lockout and the optional e-mailed one-time code (two-step login). Used by the web
 * mechanism and the identity store; it runs before anyone is signed in, so it checks the
 * credentials itself instead of roles.
 */
@Local
public interface LoginService {

    /** Wrong codes that void a sign-in attempt (and count as one failed sign-in). */
    int MAX_CODE_ATTEMPTS = 5;
    /** A new code may be requested this long after the last one. */
    Duration RESEND_INTERVAL = Duration.ofSeconds(60);

    LoginOutcome checkPassword(String loginId, char[] password, ClientInfo client);

    /**
     * Sign-in from the mobile app: the same password check and lockout, then the device instead of
     * a one-time code. A known device of the user signs in; a new one takes a free device slot; with
     * no slot free the sign-in is refused like a wrong password (so the answer says nothing about the
     * password), counts toward the lockout, and the user and administrators are told by mail at most
     * once an hour, with how many were refused.
     *
     * @param deviceKey the identifier the app generated for itself (kept only as a hash)
     */
    DeviceLoginOutcome checkDevicePassword(String loginId, char[] password, String deviceKey, String deviceName,
            ClientInfo client);

    /**
     * Whether a page session of {@code loginId}, signed in at {@code signedInAt} with {@code role},
     * may go on: the user still exists, is enabled, has that role, has not changed the password since,
     * and the organisation's absolute limit has not passed. Asked on every request before the caller
     * is known, hence here and not in the account service. Returns the organisation's idle limit in
     * minutes, or empty if the session must end.
     */
    OptionalInt sessionIdleMinutes(String loginId, String role, Instant signedInAt);

    LoginOutcome checkCode(String challengeToken, String code, ClientInfo client);

    ResendOutcome resendCode(String challengeToken);

    /** Follows an unlock link: true if it was valid and the account is unlocked now. */
    boolean unlock(String token);

    boolean isPasswordLinkValid(String token);

    /** Checks a signed-in user's current password (before a change); a wrong one counts toward the lockout. */
    boolean verifyCurrentPassword(String loginId, char[] password);

    /**
     * Follows a set-password link (new user, or reset by an administrator): sets the password and
     * unlocks the account. False if the link is not valid (any more).
     *
     * @throws PasswordRejectedException naming the rule the password broke; the link stays usable
     */
    boolean resetPassword(String token, char[] newPassword);
}
