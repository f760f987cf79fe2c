package jp.suijin.telemetry.internal;

import java.util.List;

/**
 * Statistics of one period of one point: count, min, max, sum (average = sum / count), first and
 * last value, and for counters the increase. The increase starts from the last sample before the
 * period; a value lower than the one before is a meter that rolled over at {@code rollover} (the
 * value at which it returns to 0, e.g. 1,000,000 for six digits: a counter point's upper range)
 * or, without one, was reset, and counts from there.
 */
record RollupStats(int samples, double min, double max, double sum, double first, double last, double delta) {

    /** @param previous the last value before the period, or null; {@code values} in time order, not empty */
    static RollupStats of(Double previous, List<Double> values, Double rollover) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double delta = 0;
        Double before = previous;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            if (before != null) {
                delta += increase(before, v, rollover);
            }
            before = v;
        }
        return new RollupStats(values.size(), min, max, sum, values.get(0), values.get(values.size() - 1), delta);
    }

    static double increase(double before, double after, Double rollover) {
        if (after >= before) {
            return after - before;
        }
        return rollover != null && rollover > before ? rollover - before + after : after;
    }

    /** Whether the database can store every figure: a DOUBLE column takes no infinity and no NaN. */
    boolean finite() {
        return Double.isFinite(min) && Double.isFinite(max) && Double.isFinite(sum) && Double.isFinite(first)
                && Double.isFinite(last) && Double.isFinite(delta);
    }

    /**
     * The figures with an infinity replaced by the largest finite value of its sign and NaN by 0. Ingest
     * refuses values that could overflow (IngestService.MAX_VALUE_MAGNITUDE); this only keeps samples stored
     * before that bound, or a roll-over set beyond it, from stopping the statistics job.
     */
    RollupStats clamped() {
        return new RollupStats(samples, clamp(min), clamp(max), clamp(sum), clamp(first), clamp(last), clamp(delta));
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, v));
    }

    /** Statistics of consecutive periods together (a day from its hours), in time order. */
    static RollupStats combine(List<RollupStats> parts) {
        int samples = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double delta = 0;
        for (RollupStats p : parts) {
            samples += p.samples;
            min = Math.min(min, p.min);
            max = Math.max(max, p.max);
            sum += p.sum;
            delta += p.delta;
        }
        return new RollupStats(samples, min, max, sum, parts.get(0).first, parts.get(parts.size() - 1).last, delta);
    }
}
