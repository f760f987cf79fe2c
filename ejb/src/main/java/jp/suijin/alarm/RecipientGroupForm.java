package jp.suijin.alarm;

import java.io.Serializable;

/**
 * A recipient group as an administrator enters it. {@code delayMinutes} 0 mails at once; more makes it
 * an escalation group, mailed only about alarms still unacknowledged that long after they rose.
 */
public record RecipientGroupForm(String name, boolean notifyMajor, boolean notifyMinor, boolean notifyNotice,
        boolean notifyRecovery, Integer delayMinutes, boolean enabled) implements Serializable {
}
