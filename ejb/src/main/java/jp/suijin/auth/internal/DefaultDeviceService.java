package jp.suijin.auth.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import jp.suijin.audit.AuditLog;
import jp.suijin.audit.Outcome;
import jp.suijin.auth.Caller;
import jp.suijin.auth.CallerLookup;
import jp.suijin.auth.DeviceInfo;
import jp.suijin.auth.DeviceNotFoundException;
import jp.suijin.auth.DeviceService;
import jp.suijin.auth.Roles;
import jp.suijin.persistence.user.MobileDevice;
import jp.suijin.persistence.user.Role;

@Stateless
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class DefaultDeviceService implements DeviceService {

    @Inject
    private CallerLookup callers;

    @Inject
    private Clock clock;

    @Inject
    private AuditLog audit;

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Override
    public List<DeviceInfo> myDevices() {
        return em.createQuery("SELECT d FROM MobileDevice d WHERE d.user.id = :user AND d.revokedAt IS NULL"
                + " ORDER BY d.registeredAt", MobileDevice.class)
                .setParameter("user", callers.current().userId())
                .getResultList().stream()
                .map(DeviceInfo::of)
                .toList();
    }

    @Override
    public void revoke(long deviceId) {
        Caller caller = callers.current();
        MobileDevice device = em.find(MobileDevice.class, deviceId);
        boolean own = device != null && device.getUser().getId() == caller.userId();
        boolean administered = device != null && caller.role() == Role.ADMIN && device.getUser().getOrganisation() != null
                && Objects.equals(device.getUser().getOrganisation().getId(), caller.organisationId());
        if (!own && !administered) {
            throw new DeviceNotFoundException(deviceId);
        }
        device.revoke(clock.instant());
        audit.event("authn_token_revoked", Outcome.OK, device.getUser().getLoginId(), caller.organisationId(),
                "deviceId=" + deviceId, own ? "removed by the user" : "removed by administrator " + caller.loginId());
    }
}
