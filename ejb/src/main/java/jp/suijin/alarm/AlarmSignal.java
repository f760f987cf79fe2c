package jp.suijin.alarm;

import jp.suijin.persistence.alarm.Severity;

/** Something happened to an alarm, told to open pages after the change is committed. Carries no values. */
public record AlarmSignal(long organisationId, long facilityId, long alarmId, Event event, Severity severity) {

    public enum Event {
        RAISED,
        CLEARED,
        ACKNOWLEDGED
    }
}
