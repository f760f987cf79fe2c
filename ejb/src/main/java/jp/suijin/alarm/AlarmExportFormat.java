package jp.suijin.alarm;

/** File formats of the alarm history export. */
public enum AlarmExportFormat {
    CSV,
    XLSX
}
