package jp.suijin.web.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.suijin.persistence.facility.PointKind;
import jp.suijin.telemetry.Trend;
import jp.suijin.telemetry.TrendBucket;
import jp.suijin.telemetry.TrendPoint;
import jp.suijin.telemetry.TrendSeries;
import jp.suijin.telemetry.TrendSource;
import org.junit.jupiter.api.Test;

class TrendChartTest {

    private static final Instant FROM = Instant.parse("2026-11-28T00:00:00Z");

    @Test
    void aNameCannotCloseTheScriptTheConfigurationIsWrittenInto() {
        TrendPoint evil = new TrendPoint(1, "X</script><img src=x onerror=alert(1)>", "LI-1", "水位 & 流量", PointKind.ANALOG,
                "m", 2);
        String json = TrendChart.json(new Trend(FROM, FROM.plus(Duration.ofHours(1)), Duration.ofMinutes(1),
                TrendSource.RAW, List.of(new TrendSeries(evil, List.of(new TrendBucket(FROM, 1, 2, 1.5, 3))))), "State");

        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
        // still the same JSON: the label reads back as the name
        String label = Json.createReader(new StringReader(json)).readObject().getJsonObject("data")
                .getJsonArray("datasets").getJsonObject(0).getString("label");
        assertEquals("X</script><img src=x onerror=alert(1)> / 水位 & 流量 [m]", label);
    }

    @Test
    void measuredPointsGetAMeanLineAndAMinMaxBandStatesASteppedLine() {
        TrendPoint level = new TrendPoint(1, "配水池", "LI-1", "水位", PointKind.ANALOG, "m", 2);
        TrendPoint pump = new TrendPoint(2, "配水池", "P1-RUN", "ポンプ", PointKind.STATE, null, 0);
        TrendBucket b = new TrendBucket(FROM, 1, 3, 2, 4);
        String json = TrendChart.json(new Trend(FROM, FROM.plus(Duration.ofHours(1)), Duration.ofMinutes(1),
                TrendSource.RAW, List.of(new TrendSeries(level, List.of(b)), new TrendSeries(pump, List.of(b)))), "State");
        var datasets = Json.createReader(new StringReader(json)).readObject().getJsonObject("data").getJsonArray("datasets");
        assertEquals(4, datasets.size(), "mean, max and min of the level; the pump's state");
        assertEquals(2.0, datasets.getJsonObject(0).getJsonArray("data").getJsonObject(0).getJsonNumber("y").doubleValue());
        assertTrue(datasets.getJsonObject(1).getBoolean("band") && datasets.getJsonObject(2).getString("fill").equals("-1"));
        assertTrue(datasets.getJsonObject(3).getBoolean("stepped"));
        assertEquals("state", datasets.getJsonObject(3).getString("yAxisID"));
    }
}
