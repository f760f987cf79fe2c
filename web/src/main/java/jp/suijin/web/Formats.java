package jp.suijin.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Formats times for pages: stored in UTC, shown in Japan time. */
@Named("formats")
@ApplicationScoped
public class Formats {

    public static final ZoneId DISPLAY_ZONE = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(DISPLAY_ZONE);
    private static final DateTimeFormatter PRECISE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(DISPLAY_ZONE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(DISPLAY_ZONE);

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** With milliseconds, for audit records, where the order within a second matters. */
    public String precise(Instant instant) {
        return instant == null ? "" : PRECISE.format(instant);
    }

    /** Time of day for today's instants; older ones with their date, so a stale value never looks current. */
    public String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        boolean today = LocalDate.ofInstant(instant, DISPLAY_ZONE).equals(LocalDate.now(DISPLAY_ZONE));
        return today ? TIME.format(instant) : DATE_TIME.format(instant);
    }
}
