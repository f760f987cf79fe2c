package jp.suijin.alarm;

/** Where an alarm stands, as the history filters by it. */
public enum AlarmState {
    /** The condition still lasts (not cleared). */
    ACTIVE,
    CLEARED,
    ACKNOWLEDGED,
    UNACKNOWLEDGED
}
