package jp.suijin.report;

import java.io.Serializable;

/** One column of a report: a measurement point and the statistic shown of it, with the point's unit and decimals. */
public record ReportColumn(long pointId, String code, String name, String unit, int decimals, Statistic statistic)
        implements Serializable {
}
