package jp.suijin.report;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A daily, monthly or yearly report of one facility. {@code period} is the day, the first day of
 * the month or the first day of the year (Japan time).
 */
public record Report(ReportFacility facility, ReportKind kind, LocalDate period, List<ReportColumn> columns,
        List<ReportRow> rows, List<ReportSummaryRow> summaries) implements Serializable {
}
