package jp.suijin.alarm;

import java.io.Serializable;

/**
 * What the dashboard and the banner show: how many alarms need attention ({@code active}: not yet both
 * acknowledged and cleared), how many of them nobody has acknowledged, and the newest of those (null
 * when there is none).
 */
public record AlarmSummary(long active, long unacknowledged, AlarmRow newestUnacknowledged) implements Serializable {
}
