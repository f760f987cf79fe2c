package jp.suijin.web.account;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import jp.suijin.auth.AccountService;
import jp.suijin.auth.AccountSummary;
import jp.suijin.auth.DeviceInfo;
import jp.suijin.auth.DeviceNotFoundException;
import jp.suijin.auth.DeviceService;
import jp.suijin.auth.PasswordPolicy;
import jp.suijin.auth.PasswordRejectedException;
import jp.suijin.auth.Roles;
import jp.suijin.web.Messages;

/** "My account": change password, switch two-step sign-in, see and remove registered phones and tablets. */
@Named
@ViewScoped
public class AccountView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AccountService accounts;

    @Inject
    private DeviceService devices;

    private AccountSummary account;
    private List<DeviceInfo> myDevices;
    private String currentPassword;
    private String newPassword;
    private boolean twoStep;
    private String twoStepPassword;

    @PostConstruct
    public void init() {
        account = accounts.mine();
        twoStep = account.twoStepEnabled();
        // registered phones belong to organisation users; a service operator signs in on PCs only
        myDevices = serviceOperator() ? List.of() : devices.myDevices();
    }

    public boolean serviceOperator() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.SERVICE_OPERATOR);
    }

    public void changePassword() {
        try {
            accounts.changePassword(chars(currentPassword), chars(newPassword));
            Messages.info("account.password.changed");
        } catch (PasswordRejectedException e) {
            Messages.error("account.password." + e.reason().name(), PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH);
        } finally {
            currentPassword = null;
            newPassword = null;
        }
    }

    public void saveTwoStep() {
        try {
            accounts.setTwoStepSignIn(twoStep, chars(twoStepPassword));
            Messages.info(twoStep ? "account.twoStep.on" : "account.twoStep.off");
        } catch (PasswordRejectedException e) {
            Messages.error("account.twoStep.passwordNeeded");
            twoStep = true;
        } finally {
            twoStepPassword = null;
        }
        account = accounts.mine();
    }

    public void revoke(long deviceId) {
        try {
            devices.revoke(deviceId);
            Messages.info("account.device.revoked");
        } catch (DeviceNotFoundException e) {
            Messages.error("account.device.notFound");
        }
        myDevices = devices.myDevices();
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }

    public AccountSummary getAccount() {
        return account;
    }

    public List<DeviceInfo> getMyDevices() {
        return myDevices;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getTwoStepPassword() {
        return twoStepPassword;
    }

    public void setTwoStepPassword(String twoStepPassword) {
        this.twoStepPassword = twoStepPassword;
    }

    public boolean isTwoStep() {
        return twoStep;
    }

    public void setTwoStep(boolean twoStep) {
        this.twoStep = twoStep;
    }
}
