package jp.suijin.web.trend;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import jp.suijin.persistence.facility.PointKind;
import jp.suijin.telemetry.PointNotFoundException;
import jp.suijin.telemetry.Trend;
import jp.suijin.telemetry.TrendBucket;
import jp.suijin.telemetry.TrendCsvHeadings;
import jp.suijin.telemetry.TrendPoint;
import jp.suijin.telemetry.TrendRequestException;
import jp.suijin.telemetry.TrendSeries;
import jp.suijin.telemetry.TrendService;
import jp.suijin.web.Formats;
import jp.suijin.web.Messages;

/**
 * The trend page: up to eight points, a preset or chosen time range, zoom and pan on the chart (each
 * zoom asks the server for the new range, so detail appears as one zooms in), and the same buckets as
 * a table. The page's URL carries the points and preset, so a trend can be bookmarked or linked.
 */
@Named
@ViewScoped
public class TrendView implements Serializable {

    private static final long serialVersionUID = 1L;
    /** About one bucket per two pixels of a wide chart. */
    static final int BUCKETS = 800;
    static final Map<String, Duration> PRESETS = presets();
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    @Inject
    private TrendService trendService;

    @Inject
    private Clock clock;

    private String pointsParam;
    private String range = "1d";
    private List<TrendPoint> choices;
    private List<String> selected = new ArrayList<>();
    private LocalDateTime from;
    private LocalDateTime to;
    private Trend trend;
    private String chart;
    private List<Row> rows = List.of();

    private static Map<String, Duration> presets() {
        Map<String, Duration> presets = new LinkedHashMap<>();
        presets.put("1h", Duration.ofHours(1));
        presets.put("6h", Duration.ofHours(6));
        presets.put("1d", Duration.ofDays(1));
        presets.put("7d", Duration.ofDays(7));
        presets.put("30d", Duration.ofDays(30));
        presets.put("1y", Duration.ofDays(365));
        return presets;
    }

    /** View action: reads the URL's points and preset, then draws. */
    public void open() {
        choices = trendService.points();
        if (pointsParam != null && !pointsParam.isBlank()) {
            selected = new ArrayList<>(Arrays.stream(pointsParam.split(",")).map(String::strip)
                    .filter(s -> s.matches("\\d{1,18}")).distinct().toList());
        }
        if (!PRESETS.containsKey(range)) {
            range = "1d";
        }
        applyPreset();
        if (!selected.isEmpty()) {
            show();
        }
    }

    public void preset(String key) {
        range = PRESETS.containsKey(key) ? key : "1d";
        applyPreset();
        show();
    }

    private void applyPreset() {
        // to the next whole minute, so the newest samples are inside
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), Formats.DISPLAY_ZONE)
                .truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        to = now;
        from = now.minus(PRESETS.get(range));
    }

    /** Moves the range by its own length: -1 earlier, +1 later. */
    public void shift(int direction) {
        if (from == null || to == null || !to.isAfter(from)) {
            show();
            return;
        }
        Duration length = Duration.between(from, to).multipliedBy(direction);
        from = from.plus(length);
        to = to.plus(length);
        range = null;
        show();
    }

    /** Called by the chart after a zoom or pan, with the new x range in epoch milliseconds. */
    public void zoom() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        try {
            Instant start = Instant.ofEpochMilli(Long.parseLong(params.get("from")));
            Instant end = Instant.ofEpochMilli(Long.parseLong(params.get("to")));
            if (Duration.between(start, end).compareTo(TrendService.SHORTEST) < 0) {
                Instant middle = start.plus(Duration.between(start, end).dividedBy(2));
                start = middle.minus(TrendService.SHORTEST.dividedBy(2));
                end = start.plus(TrendService.SHORTEST);
            }
            from = LocalDateTime.ofInstant(start.truncatedTo(ChronoUnit.SECONDS), Formats.DISPLAY_ZONE);
            to = LocalDateTime.ofInstant(end.truncatedTo(ChronoUnit.SECONDS), Formats.DISPLAY_ZONE);
        } catch (NumberFormatException | NullPointerException e) {
            Messages.error("trend.error.range");
            return;
        }
        range = null;
        show();
    }

    public void show() {
        trend = null;
        chart = null;
        rows = List.of();
        if (selected.isEmpty()) {
            Messages.error("trend.error.noPoint");
            return;
        }
        if (selected.size() > TrendService.MAX_POINTS) {
            Messages.error("trend.error.tooMany", TrendService.MAX_POINTS);
            return;
        }
        if (from == null || to == null || !to.isAfter(from)) {
            Messages.error("trend.error.range");
            return;
        }
        Instant start = from.atZone(Formats.DISPLAY_ZONE).toInstant();
        Instant end = to.atZone(Formats.DISPLAY_ZONE).toInstant();
        Duration length = Duration.between(start, end);
        if (length.compareTo(TrendService.SHORTEST) < 0 || length.compareTo(TrendService.LONGEST) > 0) {
            Messages.error("trend.error.length", TrendService.SHORTEST.toMinutes(), TrendService.LONGEST.toDays());
            return;
        }
        try {
            trend = trendService.trend(selected.stream().map(Long::valueOf).toList(), start, end, BUCKETS);
        } catch (PointNotFoundException e) {
            Messages.error("trend.error.notFound");
            return;
        } catch (TrendRequestException e) {
            Messages.error("trend.error.range");
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        chart = TrendChart.json(trend, faces.getApplication().getResourceBundle(faces, "msg").getString("trend.state"));
        rows = rows(trend);
    }

    /**
     * Answers this (non-ajax) request with the shown trend's buckets as CSV. The file is made before the
     * answer starts, so a refusal (a point disabled meanwhile) is a message on the page, not a broken file.
     */
    public void export() throws IOException {
        if (trend == null) {
            Messages.error("trend.error.noPoint");
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try {
            trendService.exportCsv(trend.series().stream().map(s -> s.point().id()).toList(), trend.from(), trend.to(),
                    BUCKETS, new TrendCsvHeadings(msg.getString("trend.time"), msg.getString("trend.csv.mean"),
                            msg.getString("trend.csv.min"), msg.getString("trend.csv.max"),
                            msg.getString("trend.csv.samples")), file);
        } catch (PointNotFoundException e) {
            Messages.error("trend.error.notFound");
            return;
        } catch (TrendRequestException e) {
            Messages.error("trend.error.range");
            return;
        }
        ExternalContext external = faces.getExternalContext();
        String name = "trend-" + FILE_TIME.format(LocalDateTime.ofInstant(trend.from(), Formats.DISPLAY_ZONE)) + ".csv";
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        external.setResponseContentLength(file.size());
        file.writeTo(external.getResponseOutputStream());
        faces.responseComplete();
    }

    private static List<Row> rows(Trend trend) {
        Map<Instant, Map<Long, TrendBucket>> byTime = new TreeMap<>();
        for (TrendSeries s : trend.series()) {
            for (TrendBucket b : s.buckets()) {
                byTime.computeIfAbsent(b.start(), t -> new LinkedHashMap<>()).put(s.point().id(), b);
            }
        }
        List<Row> rows = new ArrayList<>(byTime.size());
        byTime.forEach((time, buckets) -> rows.add(new Row(time, buckets)));
        // newest first, as operators read tables
        Collections.reverse(rows);
        return List.copyOf(rows);
    }

    public List<SelectItem> getPointItems() {
        Map<String, List<SelectItem>> byFacility = new LinkedHashMap<>();
        for (TrendPoint p : choices) {
            String unit = p.unit() == null || p.unit().isBlank() ? "" : " [" + p.unit() + "]";
            byFacility.computeIfAbsent(p.facilityName(), f -> new ArrayList<>())
                    .add(new SelectItem(String.valueOf(p.id()), p.name() + unit));
        }
        List<SelectItem> groups = new ArrayList<>();
        byFacility.forEach((facility, items) -> groups.add(new SelectItemGroup(facility, null, false,
                items.toArray(SelectItem[]::new))));
        return groups;
    }

    public List<String> getPresetKeys() {
        return List.copyOf(PRESETS.keySet());
    }

    /**
     * A table cell: the bucket's mean with the point's decimals, or empty where there was no sample; for
     * a state point the highest state in the bucket (a pump that ran at all in it shows as running).
     */
    public String cell(Row row, TrendSeries series, String statistic) {
        TrendBucket b = row.buckets().get(series.point().id());
        if (b == null) {
            return "";
        }
        if (series.point().kind() == PointKind.STATE) {
            return String.valueOf((long) b.max());
        }
        double value = switch (statistic) {
            case "min" -> b.min();
            case "max" -> b.max();
            default -> b.mean();
        };
        return String.format(Locale.ROOT, "%." + series.point().decimals() + "f", value);
    }

    /** The bucket size in the largest whole unit, e.g. "12 時間". */
    public String getBucketLabel() {
        long seconds = trend.bucket().toSeconds();
        String unit = seconds % 86_400 == 0 ? "d" : seconds % 3600 == 0 ? "h" : seconds % 60 == 0 ? "m" : "s";
        long count = switch (unit) {
            case "d" -> seconds / 86_400;
            case "h" -> seconds / 3600;
            case "m" -> seconds / 60;
            default -> seconds;
        };
        FacesContext faces = FacesContext.getCurrentInstance();
        return MessageFormat.format(faces.getApplication().getResourceBundle(faces, "msg").getString("trend.bucket." + unit),
                count);
    }

    public String colour(int index) {
        return TrendChart.colour(index);
    }

    /** One line of the table: a bucket's start and each point's bucket there. */
    public record Row(Instant time, Map<Long, TrendBucket> buckets) implements Serializable {
    }

    public String getPointsParam() {
        return pointsParam;
    }

    public void setPointsParam(String pointsParam) {
        this.pointsParam = pointsParam;
    }

    public String getRange() {
        return range;
    }

    public void setRange(String range) {
        this.range = range;
    }

    public List<String> getSelected() {
        return selected;
    }

    public void setSelected(List<String> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }

    public Trend getTrend() {
        return trend;
    }

    public String getChart() {
        return chart;
    }

    public List<Row> getRows() {
        return rows;
    }
}
