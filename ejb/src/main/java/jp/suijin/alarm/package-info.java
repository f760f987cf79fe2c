/**
 * Alarms as operators see them: the active list, the banner's summary, acknowledgement and the
 * history with its CSV and XLSX exports ({@link jp.suijin.alarm.AlarmConsole}), and the after-commit
 * broadcast that tells open pages something changed ({@link jp.suijin.alarm.AlarmBroadcast}).
 * Service interfaces and their DTOs live here; implementations in {@code internal}.
 */
package jp.suijin.alarm;
