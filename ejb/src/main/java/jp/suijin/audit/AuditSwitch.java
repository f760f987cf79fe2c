package jp.suijin.audit;

import jp.suijin.time.SuijinClock;

/**
 * Auditing is always on, except for the audit-cost benchmark's baseline: a domain that allows the
 * test clock ({@value SuijinClock#MOVABLE_PROPERTY}=true, which only the test stack sets) may set
 * {@value #BENCHMARK_OFF_PROPERTY}=true. Production domains cannot switch auditing off.
 */
public final class AuditSwitch {

    public static final String BENCHMARK_OFF_PROPERTY = "suijin.audit.benchmark-off";

    private AuditSwitch() {
    }

    public static boolean on() {
        return !(Boolean.getBoolean(SuijinClock.MOVABLE_PROPERTY) && Boolean.getBoolean(BENCHMARK_OFF_PROPERTY));
    }
}
