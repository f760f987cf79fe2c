package jp.suijin.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import jp.suijin.csv.CsvWriter;
import jp.suijin.report.Report;
import jp.suijin.report.ReportColumn;
import jp.suijin.report.ReportRow;
import jp.suijin.report.ReportSummaryRow;
import jp.suijin.report.ReportText;

/**
 * A report as CSV: a title line, the point headings, the statistics, then the rows and summaries.
 * Values plain with the point's decimals; 欠測 where missing.
 */
final class CsvReport {

    private CsvReport() {
    }

    static void write(Report report, ReportText text, OutputStream out) throws IOException {
        List<ReportColumn> columns = report.columns();
        try (CsvWriter csv = new CsvWriter(out)) {
            csv.text(text.title(report)).endLine();
            csv.text(text.periodColumn(report.kind()));
            for (ReportColumn c : columns) {
                csv.text(text.pointHeading(c));
            }
            csv.endLine();
            csv.text("");
            for (ReportColumn c : columns) {
                csv.text(text.statistic(c.statistic()));
            }
            csv.endLine();
            for (ReportRow row : report.rows()) {
                csv.text(text.row(report.kind(), row.start()));
                for (int i = 0; i < columns.size(); i++) {
                    value(csv, text, row.values().get(i), columns.get(i).decimals(), true);
                }
                csv.endLine();
            }
            for (ReportSummaryRow summary : report.summaries()) {
                csv.text(text.summary(summary.summary()));
                for (int i = 0; i < columns.size(); i++) {
                    value(csv, text, summary.values().get(i), columns.get(i).decimals(),
                            summary.summary().appliesTo(columns.get(i).statistic()));
                }
                csv.endLine();
            }
        }
    }

    private static void value(CsvWriter csv, ReportText text, Double value, int decimals, boolean applies)
            throws IOException {
        if (!applies) {
            csv.text(null);
        } else if (value == null) {
            csv.text(text.missing());
        } else {
            csv.decimal(value, decimals);
        }
    }
}
