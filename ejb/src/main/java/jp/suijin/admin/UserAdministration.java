package jp.suijin.admin;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Set;
import jp.suijin.persistence.user.Role;

/**
 * Users and sign-in rules of the caller's organisation, for its administrators. A user id of another
 * organisation is answered like an unknown one ({@link AdministrationException} on "user").
 * Administrators cannot disable or demote themselves, so an organisation never loses its last way in.
 */
@Local
public interface UserAdministration {

    List<UserRow> users();

    UserDetail user(long userId);

    /**
     * Limits the user to these facilities of the organisation; an empty set means every facility. Nobody
     * changes their own limits, and an administrator limited to some facilities grants only among those
     * (never every facility); an account they create starts with their limits.
     */
    void setFacilities(long userId, Set<Long> facilityIds);

    /** Removes one of the user's registered devices; its tokens stop at once. */
    void revokeDevice(long userId, long deviceId);

    /** Creates the user and mails them a link to set their password. */
    long create(NewUser user);

    void setEnabled(long userId, boolean enabled);

    void unlock(long userId);

    void setRole(long userId, Role role);

    /** Null: the organisation's number. */
    void setDeviceSlots(long userId, Integer slots);

    /** Mails the user a single-use link to set a new password. */
    void sendPasswordLink(long userId);

    SecuritySettings settings();

    void saveSettings(SecuritySettings settings);
}
