package jp.suijin.telemetry;

import jakarta.ejb.Local;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Trend data for up to {@value #MAX_POINTS} measurement points, reduced on the server to at most the
 * number of buckets a chart can show: each bucket carries min, max and mean of its samples, read from
 * the raw samples for short ranges and from the hourly or daily statistics for long ones, so a year
 * costs about as much as a day. Always limited to the caller's organisation and facilities.
 */
@Local
public interface TrendService {

    int MAX_POINTS = 8;
    Duration SHORTEST = Duration.ofMinutes(10);
    /** A year, leap day and a day's margin included. */
    Duration LONGEST = Duration.ofDays(367);

    /** The measurement points the caller may chart, by facility and display order. */
    List<TrendPoint> points();

    /**
     * @param buckets how many buckets the chart can use at most (clamped to 10..2000)
     * @throws TrendRequestException if no point, more than {@value #MAX_POINTS}, or a range that is empty,
     *         shorter than {@link #SHORTEST} or longer than {@link #LONGEST}
     * @throws PointNotFoundException if a point is not one the caller may chart
     */
    Trend trend(List<Long> pointIds, Instant from, Instant to, int buckets);

    /**
     * Writes the same buckets as CSV (UTF-8 with BOM, Japan time, one line per bucket, mean, minimum,
     * maximum and sample count per point) and records the export ({@code data_export}).
     *
     * @return the number of lines written after the heading
     * @throws TrendRequestException as {@link #trend}
     * @throws PointNotFoundException as {@link #trend}
     */
    long exportCsv(List<Long> pointIds, Instant from, Instant to, int buckets, TrendCsvHeadings headings,
            OutputStream out);
}
