package jp.suijin.report;

import jp.suijin.persistence.facility.PointKind;

/** What a report column shows of its point for each row's period. */
public enum Statistic {
    AVERAGE, MAXIMUM, MINIMUM,
    /** A counter's increase in the period (roll-overs counted). */
    DELTA;

    /**
     * Analog points are averaged or give their extremes, counters their increase. State points have
     * no statistic: an average of 0/1 codes is no quantity a report reader could use.
     */
    public boolean fits(PointKind kind) {
        return switch (kind) {
            case ANALOG -> this != DELTA;
            case COUNTER -> this == DELTA;
            case STATE -> false;
        };
    }

    /** The column a facility without a layout gets for a point of this kind; null: left out. */
    public static Statistic natural(PointKind kind) {
        return switch (kind) {
            case ANALOG -> AVERAGE;
            case COUNTER -> DELTA;
            case STATE -> null;
        };
    }
}
