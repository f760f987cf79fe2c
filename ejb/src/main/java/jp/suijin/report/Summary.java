package jp.suijin.report;

/** The summary rows under a report's table: over the values of the rows above that are not missing. */
public enum Summary {
    AVERAGE, MAXIMUM, MINIMUM,
    /** Only for counter increases: averages, extremes and states do not add up. */
    TOTAL;

    public boolean appliesTo(Statistic statistic) {
        return this != TOTAL || statistic == Statistic.DELTA;
    }
}
