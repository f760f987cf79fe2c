package jp.suijin.web.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import jp.suijin.web.Formats;

/** Turns what the filter forms of the record pages hold into service input. */
final class RecordFilterInput {

    private RecordFilterInput() {
    }

    /** A date-time picked in Japan time as an instant; null stays null. */
    static Instant instant(LocalDateTime japanTime) {
        return japanTime == null ? null : japanTime.atZone(Formats.DISPLAY_ZONE).toInstant();
    }

    /** Null for a blank text, else the text without surrounding spaces. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * A status ("404") or status class ("4xx") as the range [min, max]; null for a blank text.
     *
     * @throws IllegalArgumentException for anything else
     */
    static int[] statusRange(String value) {
        String s = text(value);
        if (s == null) {
            return null;
        }
        if (s.matches("[1-5][xX][xX]")) {
            int base = (s.charAt(0) - '0') * 100;
            return new int[] {base, base + 99};
        }
        if (s.matches("[1-5][0-9][0-9]")) {
            int status = Integer.parseInt(s);
            return new int[] {status, status};
        }
        throw new IllegalArgumentException("not a status: " + s);
    }
}
