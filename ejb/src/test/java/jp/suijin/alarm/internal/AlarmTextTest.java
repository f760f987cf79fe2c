package jp.suijin.alarm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import jp.suijin.admin.AdministrationException;
import jp.suijin.alarm.AlarmFilter;
import jp.suijin.alarm.AlarmRow;
import jp.suijin.persistence.alarm.AlarmKind;
import jp.suijin.persistence.alarm.Severity;
import org.junit.jupiter.api.Test;

class AlarmTextTest {

    private static final Instant T = Instant.parse("2026-11-28T00:00:00Z");

    @Test
    void durationsAreHoursMinutesSeconds() {
        assertEquals("0:00:59", AlarmText.duration(Duration.ofSeconds(59)));
        assertEquals("26:03:10", AlarmText.duration(Duration.ofSeconds(26 * 3600 + 190)));
        assertNull(AlarmText.duration(null));
    }

    @Test
    void valuesHaveThePointsDecimalsAndStatesTheirLabel() {
        assertEquals("9.88", AlarmText.value(row(AlarmKind.HIGH, null), 9.876, true));
        assertEquals("1 故障", AlarmText.value(row(AlarmKind.STATE, "故障"), 1.0, true));
        assertEquals("0", AlarmText.value(row(AlarmKind.STATE, "故障"), 0.0, false));
    }

    @Test
    void headingsInJapaneseUnlessEnglish() {
        assertEquals("発生日時", AlarmText.of(Locale.JAPANESE).heading("raisedAt"));
        assertEquals("発生日時", AlarmText.of(Locale.GERMAN).heading("raisedAt"));
        assertEquals("Raised", AlarmText.of(Locale.ENGLISH).heading("raisedAt"));
        for (String column : AlarmText.COLUMNS) {
            AlarmText.of(Locale.ENGLISH).heading(column);
            AlarmText.of(Locale.JAPANESE).heading(column);
        }
        for (AlarmKind kind : AlarmKind.values()) {
            AlarmText.of(Locale.ENGLISH).kind(kind);
            AlarmText.of(Locale.JAPANESE).kind(kind);
        }
    }

    @Test
    void aFilterNamesWhatCannotBeSearched() {
        assertEquals("from", assertThrows(AdministrationException.class,
                () -> new AlarmFilter(null, T, null, null, null, null, null).checked()).field());
        assertEquals("to", assertThrows(AdministrationException.class,
                () -> new AlarmFilter(T, T, null, null, null, null, null).checked()).field());
    }

    private static AlarmRow row(AlarmKind kind, String label) {
        return new AlarmRow(1, 2, "施設", 3L, "LI", "水位", "m", 2, kind, Severity.MAJOR, T, 1.0, label, null, null,
                null, null, null, null);
    }
}
