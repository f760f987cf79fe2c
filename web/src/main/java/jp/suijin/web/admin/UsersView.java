package jp.suijin.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import jp.suijin.admin.AdministrationException;
import jp.suijin.admin.NewUser;
import jp.suijin.admin.UserAdministration;
import jp.suijin.admin.UserRow;
import jp.suijin.persistence.user.Role;
import jp.suijin.web.Messages;

/** User administration of the administrator's organisation. */
@Named
@ViewScoped
public class UsersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private UserAdministration administration;

    private List<UserRow> users;
    private String loginId;
    private String displayName;
    private String email;
    private Role role = Role.VIEWER;
    private String locale = "ja";

    @PostConstruct
    public void init() {
        users = administration.users();
    }

    public void create() {
        apply(() -> administration.create(new NewUser(loginId, displayName, email, role, locale)), "admin.created", loginId);
        if (!jakarta.faces.context.FacesContext.getCurrentInstance().isValidationFailed()) {
            loginId = null;
            displayName = null;
            email = null;
        }
    }

    public void enable(UserRow user) {
        apply(() -> administration.setEnabled(user.id(), true), "admin.enabled", user.loginId());
    }

    public void disable(UserRow user) {
        apply(() -> administration.setEnabled(user.id(), false), "admin.disabled", user.loginId());
    }

    public void unlock(UserRow user) {
        apply(() -> administration.unlock(user.id()), "admin.unlocked", user.loginId());
    }

    public void sendPasswordLink(UserRow user) {
        apply(() -> administration.sendPasswordLink(user.id()), "admin.passwordLinkSent", user.loginId());
    }

    public void changeRole(UserRow user, Role newRole) {
        apply(() -> administration.setRole(user.id(), newRole), "admin.roleChanged", user.loginId());
    }

    private void apply(Runnable action, String done, String login) {
        try {
            action.run();
            Messages.info(done, login);
        } catch (AdministrationException e) {
            Messages.error(e.problem(), e.args());
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
        }
        users = administration.users();
    }

    public Role[] getRoles() {
        return new Role[] {Role.ADMIN, Role.OPERATOR, Role.VIEWER};
    }

    public List<UserRow> getUsers() {
        return users;
    }

    public String getLoginId() {
        return loginId;
    }

    public void setLoginId(String loginId) {
        this.loginId = loginId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }
}
