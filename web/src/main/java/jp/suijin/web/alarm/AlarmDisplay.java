package jp.suijin.web.alarm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import jp.suijin.alarm.AlarmRow;
import jp.suijin.persistence.alarm.AlarmKind;

/** How alarm pages and the banner show values and durations. */
@Named("alarmDisplay")
@ApplicationScoped
public class AlarmDisplay {

    @Inject
    private Clock clock;

    /** A value with the point's decimals; a state alarm's raised state with its label, when it has one. */
    public String value(AlarmRow row, Double value, boolean raised) {
        if (value == null) {
            return "";
        }
        String number = BigDecimal.valueOf(value)
                .setScale(row.kind() == AlarmKind.STATE ? 0 : row.decimals(), RoundingMode.HALF_UP).toPlainString();
        if (raised && row.stateLabel() != null) {
            return number + " " + row.stateLabel();
        }
        return row.unit() == null || row.kind() == AlarmKind.STATE ? number : number + " " + row.unit();
    }

    /** How long the alarm has lasted: to its clearing, or until now while the condition lasts. */
    public String lasted(AlarmRow row) {
        return duration(row.cleared() ? row.clearedAfter() : Duration.between(row.raisedAt(), clock.instant()));
    }

    /** "1:05:09" (hours beyond 24 as they are), as the exports write it. */
    public String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long s = Math.max(0, d.toSeconds());
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
