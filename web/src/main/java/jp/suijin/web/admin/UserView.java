package jp.suijin.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import jp.suijin.admin.AdministrationException;
import jp.suijin.admin.FacilityChoice;
import jp.suijin.admin.UserAdministration;
import jp.suijin.admin.UserDetail;
import jp.suijin.persistence.user.Role;
import jp.suijin.web.Messages;

/** One user of the organisation: role, device slots, facility access, registered devices. */
@Named
@ViewScoped
public class UserView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private UserAdministration administration;

    private Long id;
    private UserDetail detail;
    private Role role;
    private Integer deviceSlots;
    private List<Long> facilities = new ArrayList<>();

    /** Loads the user named by the {@code id} parameter; an unknown or foreign id shows the not-found message. */
    public void load() {
        if (detail != null) {
            return;
        }
        try {
            detail = administration.user(id == null ? -1 : id);
            role = detail.user().role();
            deviceSlots = detail.user().deviceSlots();
            facilities = new ArrayList<>(detail.facilities().stream().filter(FacilityChoice::allowed)
                    .map(FacilityChoice::id).toList());
        } catch (AdministrationException e) {
            Messages.error(e.problem());
        }
    }

    public void saveRole() {
        apply(() -> administration.setRole(id, role), "admin.roleChanged");
    }

    public void saveDeviceSlots() {
        apply(() -> administration.setDeviceSlots(id, deviceSlots), "admin.slotsChanged");
    }

    public void saveFacilities() {
        apply(() -> administration.setFacilities(id, new HashSet<>(facilities)), "admin.facilitiesChanged");
    }

    public void revoke(long deviceId) {
        apply(() -> administration.revokeDevice(id, deviceId), "account.device.revoked");
    }

    private void apply(Runnable action, String done) {
        try {
            action.run();
            Messages.info(done, detail.user().loginId());
        } catch (AdministrationException e) {
            Messages.error(e.problem(), e.args());
        }
        detail = administration.user(id);
    }

    public Role[] getRoles() {
        return new Role[] {Role.ADMIN, Role.OPERATOR, Role.VIEWER};
    }

    public UserDetail getDetail() {
        return detail;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public Integer getDeviceSlots() {
        return deviceSlots;
    }

    public void setDeviceSlots(Integer deviceSlots) {
        this.deviceSlots = deviceSlots;
    }

    public List<Long> getFacilities() {
        return facilities;
    }

    public void setFacilities(List<Long> facilities) {
        this.facilities = facilities;
    }
}
