package jp.suijin.persistence.alarm;

/** What condition an alarm stands for: one of a point's four limits, a fault state, or a silent device. */
public enum AlarmKind {
    HIGH_HIGH,
    HIGH,
    LOW,
    LOW_LOW,
    STATE,
    COMM_LOSS;

    /** Whether the condition is a value above its limit (it clears below the limit minus the deadband). */
    public boolean above() {
        return this == HIGH_HIGH || this == HIGH;
    }
}
