package jp.suijin.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Plays the demo organisation's field devices: every few seconds each device posts one sample per
 * point through the real device API. Values drift slowly around plausible operating points; totals
 * only grow; pumps change state now and then. On the first run (no samples yet) the devices first
 * catch up {@value #HISTORY_DAYS} days of one-minute history, as a device does after an outage, so
 * trends and reports have something to show.
 */
public final class Simulator implements AutoCloseable {

    static final Duration PERIOD = Duration.ofSeconds(10);
    static final int HISTORY_DAYS = 2;
    private static final Duration HISTORY_STEP = Duration.ofMinutes(1);
    /** Samples per catch-up request, well under the API's 10,000. */
    private static final int HISTORY_BATCH = 5_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "suijin-simulator");
        t.setDaemon(true);
        return t;
    });
    private final URI endpoint;
    private final Map<String, List<SimulatedPoint>> devices;
    private final Function<String, String> tokens;
    private final boolean firstRun;
    private volatile String lastProblem;

    private Simulator(URI endpoint, Map<String, List<SimulatedPoint>> devices, Function<String, String> tokens,
            boolean firstRun) {
        this.endpoint = endpoint;
        this.devices = devices;
        this.tokens = tokens;
        this.firstRun = firstRun;
    }

    /** Reads the demo organisation's devices and points (and their last values, to continue totals) from the database. */
    public static Simulator forOrganisation(String jdbcUrl, String user, String password, String organisationCode,
            int devicePort, Function<String, String> tokens) {
        Map<String, List<SimulatedPoint>> devices = new LinkedHashMap<>();
        Random random = new Random();
        boolean firstRun;
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement s = c.prepareStatement("SELECT d.code, p.code, p.kind, p.unit, p.range_low, p.range_high, cv.value"
                        + " FROM organisation o JOIN facility f ON f.organisation_id = o.id"
                        + " JOIN field_device d ON d.facility_id = f.id JOIN measurement_point p ON p.device_id = d.id"
                        + " LEFT JOIN point_current cv ON cv.point_id = p.id"
                        + " WHERE o.code = ? AND d.enabled AND p.enabled ORDER BY d.code, p.display_order")) {
            s.setString(1, organisationCode);
            ResultSet rs = s.executeQuery();
            while (rs.next()) {
                devices.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(SimulatedPoint.of(rs.getString(2),
                        rs.getString(3), rs.getString(4), (Double) rs.getObject(5), (Double) rs.getObject(6),
                        (Double) rs.getObject(7), random));
            }
            try (PreparedStatement any = c.prepareStatement("SELECT 1 FROM organisation o"
                    + " JOIN facility f ON f.organisation_id = o.id JOIN measurement_point p ON p.facility_id = f.id"
                    + " JOIN point_current cv ON cv.point_id = p.id WHERE o.code = ? LIMIT 1")) {
                any.setString(1, organisationCode);
                firstRun = !any.executeQuery().next();
            }
        } catch (SQLException e) {
            throw new LaunchException("The simulator could not read the demo devices: " + e.getMessage());
        }
        return new Simulator(URI.create("http://127.0.0.1:" + devicePort + "/api/device/v1/samples"), devices, tokens,
                firstRun);
    }

    public int deviceCount() {
        return devices.size();
    }

    public int pointCount() {
        return devices.values().stream().mapToInt(List::size).sum();
    }

    /** Whether this run starts with the catch-up of history (the demo devices had never reported). */
    public boolean catchesUp() {
        return firstRun;
    }

    public void start() {
        if (firstRun) {
            // on the same thread, before the first tick, so every point's values run forward in time
            timer.execute(this::catchUp);
        }
        // with a fixed delay, not rate: ticks missed during the catch-up are not made up in a burst
        timer.scheduleWithFixedDelay(this::tick, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void catchUp() {
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant start = end.minus(Duration.ofDays(HISTORY_DAYS));
        for (Map.Entry<String, List<SimulatedPoint>> device : devices.entrySet()) {
            int perStep = device.getValue().size();
            int steps = Math.max(1, HISTORY_BATCH / perStep);
            for (Instant t = start; t.isBefore(end); t = t.plus(HISTORY_STEP.multipliedBy(steps))) {
                List<Instant> times = new ArrayList<>(steps);
                for (int i = 0; i < steps && t.plus(HISTORY_STEP.multipliedBy(i)).isBefore(end); i++) {
                    times.add(t.plus(HISTORY_STEP.multipliedBy(i)));
                }
                post(device.getKey(), batch(device.getKey(), device.getValue(), times));
            }
        }
    }

    private void tick() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (Map.Entry<String, List<SimulatedPoint>> device : devices.entrySet()) {
            post(device.getKey(), batch(device.getKey(), device.getValue(), List.of(now)));
        }
    }

    private static String batch(String device, List<SimulatedPoint> points, List<Instant> times) {
        StringBuilder json = new StringBuilder("{\"device\":\"").append(device).append("\",\"samples\":[");
        String sep = "";
        for (Instant time : times) {
            for (SimulatedPoint p : points) {
                json.append(sep).append("{\"point\":\"").append(p.code).append("\",\"time\":\"").append(time)
                        .append("\",\"value\":").append(p.next(time)).append('}');
                sep = ",";
            }
        }
        return json.append("]}").toString();
    }

    private void post(String device, String body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.apply(device))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        String problem;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            problem = response.statusCode() == 200 && response.body().contains("\"rejected\":[]") ? null
                    : "device " + device + ": HTTP " + response.statusCode() + " " + abbreviate(response.body());
        } catch (java.io.IOException e) {
            problem = "device " + device + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        // report a problem once, not every tick
        if (problem != null && !problem.equals(lastProblem)) {
            System.err.println("Simulator: " + problem);
        }
        lastProblem = problem;
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One point's behaviour: a slow wave around an operating point, a running total, or a state. */
    static final class SimulatedPoint {

        final String code;
        private final String kind;
        private final double low;
        private final double high;
        private final double base;
        private final double amplitude;
        private final double periodSeconds;
        private final double phase;
        private final Random random;
        private double value;
        private double drift;

        private SimulatedPoint(String code, String kind, double low, double high, double base, double amplitude,
                double start, Random random) {
            this.code = code;
            this.kind = kind;
            this.low = low;
            this.high = high;
            this.base = base;
            this.amplitude = amplitude;
            this.random = random;
            this.periodSeconds = 600 + random.nextInt(3000);
            this.phase = random.nextDouble() * 2 * Math.PI;
            this.value = start;
        }

        static SimulatedPoint of(String code, String kind, String unit, Double low, Double high, Double last,
                Random random) {
            double lo = low == null ? 0 : low;
            double hi = high == null ? 100 : high;
            double span = hi - lo;
            double base = lo + span * operatingShare(unit);
            return switch (kind) {
                case "COUNTER" -> new SimulatedPoint(code, kind, 0, 0, 0, 0,
                        last != null ? last : 100_000 + random.nextInt(900_000), random);
                case "STATE" -> new SimulatedPoint(code, kind, 0, 1, 0, 0,
                        last != null ? last : (code.endsWith("-RUN") ? (random.nextInt(3) > 0 ? 1 : 0) : 0), random);
                default -> new SimulatedPoint(code, kind, lo, hi, base, span * 0.06, base, random);
            };
        }

        /** Where in its range a quantity usually sits (turbidity near zero, levels fairly high). */
        private static double operatingShare(String unit) {
            if (unit == null) {
                return 0.5;
            }
            return switch (unit) {
                case "度" -> 0.08;
                case "mg/L" -> 0.3;
                case "m" -> 0.65;
                case "℃" -> 0.4;
                default -> 0.5;
            };
        }

        String next(Instant now) {
            switch (kind) {
                case "COUNTER" -> {
                    value += 0.5 + random.nextDouble() * 2.5;
                    return String.valueOf(Math.round(value));
                }
                case "STATE" -> {
                    // run states change about once an hour; a fault now and then (every few hours, for a
                    // few minutes), so the demo shows alarms rising and clearing
                    if (code.endsWith("-RUN") && random.nextInt(360) == 0) {
                        value = 1 - value;
                    } else if (code.endsWith("-FLT") && random.nextInt(value == 0 ? 2000 : 20) == 0) {
                        value = 1 - value;
                    }
                    return String.valueOf((long) value);
                }
                default -> {
                    drift = Math.max(-amplitude, Math.min(amplitude, drift + (random.nextDouble() - 0.5) * amplitude * 0.1));
                    double wave = amplitude * Math.sin(2 * Math.PI * now.getEpochSecond() / periodSeconds + phase);
                    value = Math.max(low, Math.min(high, base + wave + drift));
                    return String.valueOf(Math.round(value * 1000) / 1000.0);
                }
            }
        }
    }
}
