package jp.suijin.alarm.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import jp.suijin.alarm.AlarmRow;
import jp.suijin.persistence.alarm.AlarmKind;
import jp.suijin.persistence.alarm.Severity;

/** The words of the alarm exports in one language (Japanese unless English), from {@code jp.suijin.alarm.alarms}. */
final class AlarmText {

    /** Column keys in export order. */
    static final List<String> COLUMNS = List.of("id", "raisedAt", "facility", "sourceCode", "source", "kind",
            "severity", "raisedValue", "limitValue", "unit", "clearedAt", "clearedValue", "clearedAfter", "ackedAt",
            "acknowledgedAfter", "ackedBy", "ackComment");

    private final ResourceBundle bundle;

    private AlarmText(Locale locale) {
        Locale chosen = "en".equals(locale == null ? null : locale.getLanguage()) ? Locale.ENGLISH : Locale.JAPANESE;
        bundle = ResourceBundle.getBundle("jp.suijin.alarm.alarms", chosen,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static AlarmText of(Locale locale) {
        return new AlarmText(locale);
    }

    String heading(String column) {
        return bundle.getString("column." + column);
    }

    String kind(AlarmKind kind) {
        return bundle.getString("kind." + kind);
    }

    String severity(Severity severity) {
        return bundle.getString("severity." + severity);
    }

    /** The sheet's name. */
    String sheet() {
        return bundle.getString("sheet");
    }

    /** A value with the point's decimals; a state alarm's state with its label when it has one. */
    static String value(AlarmRow row, Double value, boolean raised) {
        if (value == null) {
            return null;
        }
        String number = BigDecimal.valueOf(value).setScale(row.kind() == AlarmKind.STATE ? 0 : row.decimals(),
                RoundingMode.HALF_UP).toPlainString();
        return raised && row.stateLabel() != null ? number + " " + row.stateLabel() : number;
    }

    /** "1:05:09": hours, minutes, seconds (hours beyond 24 as they are). */
    static String duration(Duration d) {
        if (d == null) {
            return null;
        }
        long s = Math.max(0, d.toSeconds());
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
