package jp.suijin.alarm;

import java.io.Serializable;
import java.util.List;

/** A recipient group of a facility with its members. */
public record RecipientGroupRow(long groupId, String name, boolean notifyMajor, boolean notifyMinor,
        boolean notifyNotice, boolean notifyRecovery, int delayMinutes, boolean enabled, List<Recipient> members)
        implements Serializable {

    public RecipientGroupForm form() {
        return new RecipientGroupForm(name, notifyMajor, notifyMinor, notifyNotice, notifyRecovery, delayMinutes,
                enabled);
    }
}
