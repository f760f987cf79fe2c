package jp.suijin.report;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One row of a report: the Japan-time start of its hour, day or month, and one value per column,
 * null where the period has no statistics (欠測, never 0).
 */
public record ReportRow(LocalDateTime start, List<Double> values) implements Serializable {
}
