package jp.suijin.admin;

import java.io.Serializable;
import jp.suijin.persistence.user.Role;

/**
 * A user as the administration page lists it. {@code deviceSlots} null: the organisation's number;
 * {@code facilityLimit} 0: every facility, else the number of facilities the user may see.
 */
public record UserRow(long id, String loginId, String displayName, String email, Role role, boolean enabled,
        boolean locked, boolean twoStep, Integer deviceSlots, int devices, int facilityLimit) implements Serializable {
}
