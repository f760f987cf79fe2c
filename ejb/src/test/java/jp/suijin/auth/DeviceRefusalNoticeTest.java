package jp.suijin.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import jp.suijin.persistence.user.Role;
import jp.suijin.persistence.user.User;
import org.junit.jupiter.api.Test;

/** Sign-ins refused for want of a device slot: the first is told at once, the rest once an hour with their count. */
class DeviceRefusalNoticeTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant T0 = Instant.parse("2027-01-11T00:00:00Z");

    @Test
    void theFirstRefusalIsToldAtOnceAndLaterOnesOnceAnHourWithTheirCount() {
        User user = new User(null, "u", "u", "u@example.jp", "hash", Role.SERVICE_OPERATOR, T0);

        assertEquals(1, user.recordDeviceRefusal(T0, HOUR));
        assertEquals(0, user.recordDeviceRefusal(T0.plusSeconds(60), HOUR));
        assertEquals(0, user.recordDeviceRefusal(T0.plus(HOUR).minusMillis(1), HOUR));
        assertEquals(3, user.recordDeviceRefusal(T0.plus(HOUR), HOUR), "two held back and this one");
        assertEquals(0, user.recordDeviceRefusal(T0.plus(HOUR).plusSeconds(1), HOUR));
        assertEquals(2, user.recordDeviceRefusal(T0.plus(Duration.ofDays(1)), HOUR));
    }
}
