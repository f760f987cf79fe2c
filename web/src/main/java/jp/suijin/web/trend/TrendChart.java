package jp.suijin.web.trend;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import jp.suijin.persistence.facility.PointKind;
import jp.suijin.telemetry.Trend;
import jp.suijin.telemetry.TrendBucket;
import jp.suijin.telemetry.TrendPoint;
import jp.suijin.telemetry.TrendSeries;

/**
 * The Chart.js configuration of a trend: per point a mean line and, for measured values, a band from
 * each bucket's minimum to its maximum, so a short spike survives the reduction; one y axis per unit.
 * The x axis is epoch milliseconds; {@code trend.js} formats it in Japan time and adds zoom and pan.
 */
final class TrendChart {

    /** Tableau 10, distinguishable for the eight points a chart may hold. */
    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
        "#b07aa1", "#ff9da7"};
    /** A gap longer than this (or two buckets) breaks the line: the device sent nothing then. */
    private static final Duration SILENCE = Duration.ofMinutes(10);

    private TrendChart() {
    }

    static String colour(int index) {
        return COLOURS[index % COLOURS.length];
    }

    static String json(Trend trend, String stateAxisTitle) {
        long gap = Math.max(SILENCE.toMillis(), trend.bucket().toMillis()) + trend.bucket().toMillis();
        Map<String, JsonObjectBuilder> axes = new LinkedHashMap<>();
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        int index = 0;
        for (TrendSeries series : trend.series()) {
            TrendPoint point = series.point();
            String colour = colour(index++);
            boolean state = point.kind() == PointKind.STATE;
            String axis = axisId(point);
            axes.computeIfAbsent(axis, a -> axis(axes.size(), state ? stateAxisTitle : point.unit(), state));
            String label = point.label() + (point.unit() == null || point.unit().isBlank() ? "" : " [" + point.unit() + "]");
            if (state) {
                datasets.add(dataset(label, colour, axis, series, TrendBucket::max, gap, point)
                        .add("stepped", true).add("borderWidth", 2));
                continue;
            }
            datasets.add(dataset(label, colour, axis, series, TrendBucket::mean, gap, point).add("borderWidth", 1.5));
            datasets.add(dataset(label + " max", colour, axis, series, TrendBucket::max, gap, point)
                    .add("band", true).add("borderWidth", 0));
            datasets.add(dataset(label + " min", colour, axis, series, TrendBucket::min, gap, point)
                    .add("band", true).add("borderWidth", 0).add("fill", "-1").add("backgroundColor", colour + "33"));
        }
        JsonObjectBuilder scales = Json.createObjectBuilder()
                .add("x", Json.createObjectBuilder().add("type", "linear")
                        .add("min", trend.from().toEpochMilli()).add("max", trend.to().toEpochMilli())
                        .add("ticks", Json.createObjectBuilder().add("maxRotation", 0).add("autoSkipPadding", 24)));
        axes.forEach(scales::add);
        JsonObjectBuilder zoomLimits = Json.createObjectBuilder().add("x", Json.createObjectBuilder()
                .add("minRange", 60_000));
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("animation", false)
                .add("parsing", false)
                .add("normalized", true)
                .add("maintainAspectRatio", false)
                .add("interaction", Json.createObjectBuilder().add("mode", "nearest").add("axis", "x")
                        .add("intersect", false))
                .add("scales", scales)
                .add("plugins", Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("position", "bottom"))
                        .add("zoom", Json.createObjectBuilder()
                                .add("limits", zoomLimits)
                                .add("zoom", Json.createObjectBuilder().add("mode", "x")
                                        .add("drag", Json.createObjectBuilder().add("enabled", true))
                                        .add("wheel", Json.createObjectBuilder().add("enabled", true)
                                                .add("modifierKey", "ctrl")))
                                .add("pan", Json.createObjectBuilder().add("enabled", true).add("mode", "x")
                                        .add("modifierKey", "shift"))));
        return scriptSafe(Json.createObjectBuilder().add("type", "line")
                .add("data", Json.createObjectBuilder().add("datasets", datasets))
                .add("options", options)
                .build().toString());
    }

    /**
     * PrimeFaces writes the configuration into an inline script as it is, and names come from
     * administrators: escaped this way a name can never close the script ("&lt;/script&gt;"), and the
     * JSON still reads the same.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static String axisId(TrendPoint point) {
        if (point.kind() == PointKind.STATE) {
            return "state";
        }
        return "unit-" + (point.unit() == null ? "" : point.unit());
    }

    private static JsonObjectBuilder axis(int position, String title, boolean state) {
        JsonObjectBuilder axis = Json.createObjectBuilder().add("type", "linear")
                .add("position", position % 2 == 0 ? "left" : "right")
                .add("grid", Json.createObjectBuilder().add("drawOnChartArea", position == 0))
                .add("title", Json.createObjectBuilder().add("display", title != null && !title.isBlank())
                        .add("text", title == null ? "" : title));
        if (state) {
            // states are small whole numbers (0 stopped, 1 running, ...)
            axis.add("ticks", Json.createObjectBuilder().add("stepSize", 1)).add("suggestedMin", 0).add("suggestedMax", 1);
        }
        return axis;
    }

    private static JsonObjectBuilder dataset(String label, String colour, String axis, TrendSeries series,
            ToDoubleFunction<TrendBucket> value, long gap, TrendPoint point) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (TrendBucket b : series.buckets()) {
            data.add(Json.createObjectBuilder().add("x", b.start().toEpochMilli()).add("y", value.applyAsDouble(b)));
        }
        return Json.createObjectBuilder()
                .add("label", label)
                .add("data", data)
                .add("yAxisID", axis)
                .add("borderColor", colour)
                .add("backgroundColor", colour)
                .add("pointRadius", 0)
                .add("pointHitRadius", 4)
                .add("spanGaps", gap)
                .add("decimals", point.decimals());
    }
}
