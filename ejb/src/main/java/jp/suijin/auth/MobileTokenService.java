package jp.suijin.auth;

import jakarta.ejb.Local;
import java.time.Duration;
import java.util.Optional;

/**
 * Tokens of the mobile API. Only SHA-256 hashes are stored; every token ends as soon as its device
 * is revoked. A refresh token is exchanged once: exchanging it again means it was copied, and then
 * every token of the device ends.
 */
@Local
public interface MobileTokenService {

    Duration ACCESS_LIFETIME = Duration.ofMinutes(15);
    Duration REFRESH_LIFETIME = Duration.ofDays(30);

    /** New tokens for a device that just signed in. */
    MobileSession issue(long deviceId);

    /**
     * New tokens for a valid, unused refresh token of a device that is still registered, presented
     * by that device ({@code deviceKey}: the identifier the app signed in with).
     */
    Optional<MobileSession> refresh(String refreshToken, String deviceKey);

    Optional<MobileCaller> authenticate(String accessToken);
}
