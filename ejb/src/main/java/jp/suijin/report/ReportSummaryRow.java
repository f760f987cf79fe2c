package jp.suijin.report;

import java.io.Serializable;
import java.util.List;

/**
 * One summary row: per column the average, maximum, minimum or total of the rows' values that are
 * not missing; null where every row is missing or the summary does not apply to the column.
 */
public record ReportSummaryRow(Summary summary, List<Double> values) implements Serializable {
}
