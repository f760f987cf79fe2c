package jp.suijin.telemetry;

import java.io.Serializable;
import java.time.Instant;

/** One hour of one point whose statistics failed again and again and were set aside. */
public record SetAsideHour(long pointId, String organisation, String facility, String point, Instant hour,
        int failures, Instant setAsideAt, String error) implements Serializable {
}
