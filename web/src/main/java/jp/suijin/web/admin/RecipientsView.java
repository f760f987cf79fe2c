package jp.suijin.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import jp.suijin.admin.AdministrationException;
import jp.suijin.alarm.AlarmSettings;
import jp.suijin.alarm.FacilityRecipients;
import jp.suijin.alarm.Recipient;
import jp.suijin.alarm.RecipientGroupForm;
import jp.suijin.alarm.RecipientGroupRow;

/** One facility's alarm recipient groups: create, edit, delete; add and remove members (users or outside addresses). */
@Named
@ViewScoped
public class RecipientsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AlarmSettings settings;

    private String facilityParam;
    private long facilityId;
    private FacilityRecipients detail;

    private Long editingGroup;
    private String name;
    private boolean notifyMajor = true;
    private boolean notifyMinor = true;
    private boolean notifyNotice;
    private boolean notifyRecovery = true;
    private Integer delayMinutes = 0;
    private boolean enabled = true;

    private RecipientGroupRow memberGroup;
    private Long userId;
    private String email;
    private String locale = "ja";

    /** View action: the facility named in the URL; a missing, malformed or foreign one is not found. */
    public void open() throws IOException {
        if (detail != null) {
            return;
        }
        if (facilityParam == null || !facilityParam.matches("\\d{1,18}")) {
            AlarmSettingMessages.notFound();
            return;
        }
        facilityId = Long.parseLong(facilityParam);
        try {
            detail = settings.recipients(facilityId);
        } catch (AdministrationException e) {
            AlarmSettingMessages.notFound();
        }
    }

    public void newGroup() {
        editingGroup = null;
        name = null;
        notifyMajor = true;
        notifyMinor = true;
        notifyNotice = false;
        notifyRecovery = true;
        delayMinutes = 0;
        enabled = true;
    }

    public void editGroup(RecipientGroupRow row) {
        editingGroup = row.groupId();
        name = row.name();
        notifyMajor = row.notifyMajor();
        notifyMinor = row.notifyMinor();
        notifyNotice = row.notifyNotice();
        notifyRecovery = row.notifyRecovery();
        delayMinutes = row.delayMinutes();
        enabled = row.enabled();
    }

    public void saveGroup() {
        RecipientGroupForm form = new RecipientGroupForm(name, notifyMajor, notifyMinor, notifyNotice, notifyRecovery,
                delayMinutes, enabled);
        Long id = editingGroup;
        if (id == null) {
            apply("groupForm", () -> settings.createGroup(facilityId, form), "recipients.group.created", name);
        } else {
            apply("groupForm", () -> settings.editGroup(id, form), "recipients.group.saved", name);
        }
    }

    public void deleteGroup(RecipientGroupRow row) {
        apply(null, () -> settings.deleteGroup(row.groupId()), "recipients.group.deleted", row.name());
    }

    public void startAdding(RecipientGroupRow row) {
        memberGroup = row;
        userId = null;
        email = null;
        locale = "ja";
    }

    public void addUser() {
        long group = memberGroup.groupId();
        long user = userId; // required on the page
        String shown = detail.users().stream().filter(u -> u.userId() == user).map(u -> u.loginId()).findFirst()
                .orElse("");
        apply("memberForm", () -> settings.addUserMember(group, user), "recipients.member.added", shown);
    }

    public void addEmail() {
        long group = memberGroup.groupId();
        String address = email;
        String language = locale;
        apply("memberForm", () -> settings.addAddressMember(group, address, language), "recipients.member.added",
                address == null ? "" : address.strip());
    }

    public void removeMember(Recipient member) {
        apply(null, () -> settings.removeMember(member.memberId()), "recipients.member.removed",
                member.userId() == null ? member.email() : member.loginId());
    }

    private void apply(String formId, Runnable action, String done, String shown) {
        AlarmSettingMessages.apply(formId, action, done, shown);
        detail = settings.recipients(facilityId);
    }

    public FacilityRecipients getDetail() {
        return detail;
    }

    public String getFacilityParam() {
        return facilityParam;
    }

    public void setFacilityParam(String facilityParam) {
        this.facilityParam = facilityParam;
    }

    public Long getEditingGroup() {
        return editingGroup;
    }

    public RecipientGroupRow getMemberGroup() {
        return memberGroup;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isNotifyMajor() {
        return notifyMajor;
    }

    public void setNotifyMajor(boolean notifyMajor) {
        this.notifyMajor = notifyMajor;
    }

    public boolean isNotifyMinor() {
        return notifyMinor;
    }

    public void setNotifyMinor(boolean notifyMinor) {
        this.notifyMinor = notifyMinor;
    }

    public boolean isNotifyNotice() {
        return notifyNotice;
    }

    public void setNotifyNotice(boolean notifyNotice) {
        this.notifyNotice = notifyNotice;
    }

    public boolean isNotifyRecovery() {
        return notifyRecovery;
    }

    public void setNotifyRecovery(boolean notifyRecovery) {
        this.notifyRecovery = notifyRecovery;
    }

    public Integer getDelayMinutes() {
        return delayMinutes;
    }

    public void setDelayMinutes(Integer delayMinutes) {
        this.delayMinutes = delayMinutes;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }
}
