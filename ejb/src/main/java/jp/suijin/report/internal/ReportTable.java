package jp.suijin.report.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import jp.suijin.report.Report;
import jp.suijin.report.ReportColumn;
import jp.suijin.report.ReportException;
import jp.suijin.report.ReportFacility;
import jp.suijin.report.ReportKind;
import jp.suijin.report.ReportRow;
import jp.suijin.report.ReportSummaryRow;
import jp.suijin.report.Statistic;
import jp.suijin.report.Summary;

/**
 * The rows of a report and the statistics behind them: which hours or days it reads, which row a
 * statistic belongs to (Japan time), and the values and summaries it shows.
 */
final class ReportTable {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    /** Statistics of one point over one row's period (an hour, a day, or the days of a month added up). */
    record Stats(long samples, double min, double max, double sum, double delta) {

        Stats plus(Stats o) {
            return new Stats(samples + o.samples, Math.min(min, o.min), Math.max(max, o.max), sum + o.sum,
                    delta + o.delta);
        }

        double value(Statistic statistic) {
            return switch (statistic) {
                case AVERAGE -> sum / samples;
                case MAXIMUM -> max;
                case MINIMUM -> min;
                case DELTA -> delta;
            };
        }
    }

    private final ReportKind kind;
    private final LocalDate period;

    ReportTable(ReportKind kind, LocalDate period) {
        if (kind == null) {
            throw new ReportException("report.error.kind");
        }
        if (period == null || period.getYear() < FIRST_YEAR || period.getYear() > LAST_YEAR) {
            throw new ReportException("report.error.period", FIRST_YEAR, LAST_YEAR);
        }
        this.kind = kind;
        this.period = switch (kind) {
            case DAILY -> period;
            case MONTHLY -> period.withDayOfMonth(1);
            case YEARLY -> period.withDayOfYear(1);
        };
    }

    LocalDate period() {
        return period;
    }

    /** Hourly statistics for a daily report, daily ones for the others. */
    boolean hourly() {
        return kind == ReportKind.DAILY;
    }

    /** The UTC instant the first row starts. */
    Instant from() {
        return period.atStartOfDay(JAPAN).toInstant();
    }

    /** The UTC instant after the last row. */
    Instant to() {
        return end().atStartOfDay(JAPAN).toInstant();
    }

    private LocalDate end() {
        return switch (kind) {
            case DAILY -> period.plusDays(1);
            case MONTHLY -> period.plusMonths(1);
            case YEARLY -> period.plusYears(1);
        };
    }

    int rowCount() {
        return switch (kind) {
            case DAILY -> 24;
            case MONTHLY -> period.lengthOfMonth();
            case YEARLY -> 12;
        };
    }

    LocalDateTime rowStart(int row) {
        return switch (kind) {
            case DAILY -> period.atTime(row, 0);
            case MONTHLY -> period.plusDays(row).atStartOfDay();
            case YEARLY -> period.plusMonths(row).atStartOfDay();
        };
    }

    /** The row of an hour's (daily report) or a day's statistics, by its UTC start. */
    int rowOf(Instant start) {
        return switch (kind) {
            // Japan has whole-hour offsets, so every UTC hour is one Japan-time hour
            case DAILY -> (int) Duration.between(from(), start).toHours();
            case MONTHLY -> start.atZone(JAPAN).getDayOfMonth() - 1;
            case YEARLY -> start.atZone(JAPAN).getMonthValue() - 1;
        };
    }

    /**
     * The report from statistics per column point and row ({@code stats.get(pointId)[row]}, null where
     * the period has none).
     */
    Report build(ReportFacility facility, List<ReportColumn> columns, Map<Long, Stats[]> stats) {
        int rowCount = rowCount();
        List<ReportRow> rows = new ArrayList<>(rowCount);
        Double[][] byColumn = new Double[columns.size()][rowCount];
        for (int r = 0; r < rowCount; r++) {
            Double[] values = new Double[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                Stats[] point = stats.get(columns.get(c).pointId());
                Stats s = point == null ? null : point[r];
                values[c] = s == null ? null : s.value(columns.get(c).statistic());
                byColumn[c][r] = values[c];
            }
            rows.add(new ReportRow(rowStart(r), Collections.unmodifiableList(Arrays.asList(values))));
        }
        List<ReportSummaryRow> summaries = new ArrayList<>();
        for (Summary summary : Summary.values()) {
            if (columns.stream().noneMatch(c -> summary.appliesTo(c.statistic()))) {
                continue;
            }
            Double[] values = new Double[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                values[c] = summary.appliesTo(columns.get(c).statistic()) ? summarise(summary, byColumn[c]) : null;
            }
            summaries.add(new ReportSummaryRow(summary, Collections.unmodifiableList(Arrays.asList(values))));
        }
        return new Report(facility, kind, period, List.copyOf(columns), List.copyOf(rows), List.copyOf(summaries));
    }

    /** Over the values that are not missing; null when all are. */
    static Double summarise(Summary summary, Double[] values) {
        double[] present = Arrays.stream(values).filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
        if (present.length == 0) {
            return null;
        }
        return switch (summary) {
            case AVERAGE -> Arrays.stream(present).average().orElseThrow();
            case MAXIMUM -> Arrays.stream(present).max().orElseThrow();
            case MINIMUM -> Arrays.stream(present).min().orElseThrow();
            case TOTAL -> Arrays.stream(present).sum();
        };
    }
}
