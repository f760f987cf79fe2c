package jp.suijin.auth.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.suijin.audit.AuditLog;
import jp.suijin.audit.Outcome;
import jp.suijin.auth.MobileCaller;
import jp.suijin.auth.MobileSession;
import jp.suijin.auth.MobileTokenService;
import jp.suijin.auth.PasswordHasher;
import jp.suijin.auth.SecureTokens;
import jp.suijin.persistence.user.MobileDevice;
import jp.suijin.persistence.user.MobileToken;
import jp.suijin.persistence.user.User;

/** Runs before a caller is known (the token is what identifies it), so it checks the token itself. */
@Stateless
@PermitAll
public class DefaultMobileTokenService implements MobileTokenService {

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private AuditLog audit;

    @Override
    public MobileSession issue(long deviceId) {
        MobileDevice device = em.find(MobileDevice.class, deviceId);
        if (device == null || device.isRevoked()) {
            throw new IllegalArgumentException("device " + deviceId + " is not registered");
        }
        return issue(device, clock.instant());
    }

    @Override
    public Optional<MobileSession> refresh(String refreshToken, String deviceKey) {
        Instant now = clock.instant();
        MobileToken token = find(refreshToken, MobileToken.Kind.REFRESH, true);
        if (token == null || !usable(token.getDevice(), now) || !now.isBefore(token.getExpiresAt())
                || deviceKey == null
                || !MessageDigest.isEqual(token.getDevice().getDeviceKeyHash(), PasswordHasher.sha256(deviceKey))) {
            return Optional.empty();
        }
        if (token.isUsed()) {
            // a refresh token used twice was copied: end everything the device holds
            token.getDevice().revoke(now);
            User user = token.getDevice().getUser();
            audit.event("authn_token_reuse", Outcome.DENIED, user.getLoginId(),
                    user.getOrganisation() == null ? null : user.getOrganisation().getId(),
                    "deviceId=" + token.getDevice().getId(), "refresh token used twice: device removed");
            return Optional.empty();
        }
        token.use(now);
        token.getDevice().used(now);
        return Optional.of(issue(token.getDevice(), now));
    }

    @Override
    public Optional<MobileCaller> authenticate(String accessToken) {
        Instant now = clock.instant();
        MobileToken token = find(accessToken, MobileToken.Kind.ACCESS, false);
        if (token == null || !usable(token.getDevice(), now) || !now.isBefore(token.getExpiresAt())) {
            return Optional.empty();
        }
        User user = token.getDevice().getUser();
        return Optional.of(new MobileCaller(user.getLoginId(), user.getRole().name(), token.getDevice().getId()));
    }

    private static boolean usable(MobileDevice device, Instant now) {
        User user = device.getUser();
        return !device.isRevoked() && user.isEnabled() && !user.isLocked();
    }

    private MobileSession issue(MobileDevice device, Instant now) {
        String access = SecureTokens.random();
        String refresh = SecureTokens.random();
        em.persist(new MobileToken(device, MobileToken.Kind.ACCESS, PasswordHasher.sha256(access), now,
                now.plus(ACCESS_LIFETIME)));
        em.persist(new MobileToken(device, MobileToken.Kind.REFRESH, PasswordHasher.sha256(refresh), now,
                now.plus(REFRESH_LIFETIME)));
        return new MobileSession(access, refresh, ACCESS_LIFETIME.toSeconds(), device.getId());
    }

    private MobileToken find(String token, MobileToken.Kind kind, boolean forUpdate) {
        if (token == null || token.isBlank()) {
            return null;
        }
        var query = em.createQuery("SELECT t FROM MobileToken t JOIN FETCH t.device d JOIN FETCH d.user"
                + " WHERE t.tokenHash = :hash AND t.kind = :kind", MobileToken.class)
                .setParameter("hash", PasswordHasher.sha256(token.strip()))
                .setParameter("kind", kind);
        if (forUpdate) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        List<MobileToken> found = query.getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
