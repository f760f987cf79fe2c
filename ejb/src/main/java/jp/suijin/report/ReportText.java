package jp.suijin.report;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words and formats of a report in one language (Japanese unless English), from
 * {@code jp.suijin.report.reports}: shared by the page and every export, so they always agree.
 */
public final class ReportText {

    private final ResourceBundle bundle;
    private final Locale locale;

    private ReportText(Locale locale) {
        this.locale = "en".equals(locale == null ? null : locale.getLanguage()) ? Locale.ENGLISH : Locale.JAPANESE;
        bundle = ResourceBundle.getBundle("jp.suijin.report.reports", this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static ReportText of(Locale locale) {
        return new ReportText(locale);
    }

    public Locale locale() {
        return locale;
    }

    public String kind(ReportKind kind) {
        return bundle.getString("kind." + kind);
    }

    public String statistic(Statistic statistic) {
        return bundle.getString("statistic." + statistic);
    }

    public String summary(Summary summary) {
        return bundle.getString("summary." + summary);
    }

    /** 欠測 / missing. */
    public String missing() {
        return bundle.getString("missing");
    }

    /** Heading of the first column: 時刻, 日付 or 月. */
    public String periodColumn(ReportKind kind) {
        return bundle.getString("column." + kind);
    }

    /** "八雲浄水場 日報 2026年11月28日". */
    public String title(Report report) {
        return new MessageFormat(bundle.getString("title"), locale).format(new Object[] {report.facility().name(),
            kind(report.kind()), DateTimeFormatter.ofPattern(bundle.getString("period." + report.kind()), locale)
                    .format(report.period())});
    }

    /** When an export was made (Japan time). */
    public String made(LocalDateTime when) {
        return new MessageFormat(bundle.getString("printed"), locale)
                .format(new Object[] {DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(when)});
    }

    /** The row's hour ("0:00"), day or month as its first cell shows it. */
    public String row(ReportKind kind, LocalDateTime start) {
        return DateTimeFormatter.ofPattern(bundle.getString("row." + kind), locale).format(start);
    }

    /** "浄水池水位 [m]". */
    public String pointHeading(ReportColumn column) {
        return column.unit() == null || column.unit().isBlank() ? column.name()
                : column.name() + " [" + column.unit() + "]";
    }

    /** A value with the point's decimals and thousands separators; 欠測 for a missing one. */
    public String value(Double value, int decimals) {
        if (value == null) {
            return missing();
        }
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** A summary cell: empty where the summary does not apply to the column (a total of averages). */
    public String summaryValue(Summary summary, ReportColumn column, Double value) {
        return summary.appliesTo(column.statistic()) ? value(value, column.decimals()) : "";
    }
}
