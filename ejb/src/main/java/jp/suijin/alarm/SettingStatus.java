package jp.suijin.alarm;

/** Whether an alarm setting raises alarms now. A shelving whose time has passed counts as ACTIVE. */
public enum SettingStatus {
    ACTIVE,
    DISABLED,
    SHELVED
}
