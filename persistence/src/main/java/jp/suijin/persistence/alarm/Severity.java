package jp.suijin.persistence.alarm;

/** How urgent an alarm is: 重故障, 軽故障, 注意. Declared most urgent first, so ordinal order sorts lists. */
public enum Severity {
    MAJOR,
    MINOR,
    NOTICE
}
