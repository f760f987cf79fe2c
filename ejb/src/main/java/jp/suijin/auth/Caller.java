package jp.suijin.auth;

import java.util.Set;
import jp.suijin.persistence.user.Role;

/**
 * The signed-in user on whose behalf a service runs. {@code organisationId} is null for service
 * operators; {@code facilityIds} empty means every facility of the organisation.
 */
public record Caller(long userId, String loginId, String displayName, Long organisationId, Role role,
        Set<Long> facilityIds) {

    /**
     * The caller's organisation, for what only organisation users may do.
     *
     * @throws NotSignedInException for service operators, who have no organisation
     */
    public long requireOrganisation() {
        if (organisationId == null) {
            throw new NotSignedInException();
        }
        return organisationId;
    }

    /** Whether the caller may see this facility of their organisation. */
    public boolean maySee(long facilityId) {
        return facilityIds.isEmpty() || facilityIds.contains(facilityId);
    }
}
