package jp.suijin.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityMonitorTest {

    private static final Instant NINE_IN_TOKYO = Instant.parse("2027-01-11T00:30:00Z");

    @Test
    void anHourWithoutEarlierSignInsIsUnusualOnceThereIsEnoughHistory() {
        List<Instant> mornings = new ArrayList<>();
        for (int day = 1; day <= 6; day++) {
            mornings.add(NINE_IN_TOKYO.minus(Duration.ofDays(day)));
        }
        assertTrue(SecurityMonitor.unusualHour(mornings, NINE_IN_TOKYO.plus(Duration.ofHours(12)), 5));
        assertFalse(SecurityMonitor.unusualHour(mornings, NINE_IN_TOKYO.plus(Duration.ofMinutes(20)), 5));
        assertFalse(SecurityMonitor.unusualHour(mornings.subList(0, 4), NINE_IN_TOKYO.plus(Duration.ofHours(12)), 5),
                "too little history to tell");
    }

    @Test
    void spellingsOfOneFieldDeviceCodeAreOneSubjectAndUnknownCodesAreTheirAddress() {
        for (String spelling : List.of("JS01-TM1", "js01-tm1", "Js01-Tm1", " JS01-TM1\t", "ＪＳ０１－ＴＭ１",
                "ｊｓ０１－ｔｍ１", "JS01-TM1\u3000", "\u3000js01-TM1 ", "jS01-tM1", "ＪＳ01-tm1")) {
            assertEquals("device:JS01-TM1", SecurityMonitor.fieldDeviceSubject("device:" + spelling, 7L, "192.0.2.1"),
                    spelling);
        }
        assertEquals("device:PUMP 2", SecurityMonitor.fieldDeviceSubject("device:pump \t\u3000 2", 7L, "192.0.2.1"));
        assertEquals("address 192.0.2.1", SecurityMonitor.fieldDeviceSubject("device:NO-SUCH-1", null, "192.0.2.1"));
        assertEquals("address 192.0.2.1", SecurityMonitor.fieldDeviceSubject("device:ｎｏ－ｓｕｃｈ－２", null, "192.0.2.1"));
        // login IDs tried from one address are counted the same way
        assertEquals(SecurityMonitor.evenedOut("tanaka.k"), SecurityMonitor.evenedOut(" ＴＡＮＡＫＡ．ｋ\u3000"));
    }

    @Test
    void networksAreSlash24ForIpv4AndSlash48ForIpv6() {
        assertEquals("192.0.2.0/24", SecurityMonitor.network("192.0.2.77"));
        assertEquals("2001:db8:0::/48", SecurityMonitor.network("2001:db8::1"));
        assertEquals("2001:db8:aa::/48", SecurityMonitor.network("2001:db8:aa:bb:cc:dd:ee:ff"));
        assertNull(SecurityMonitor.network("not-an-address"));
        assertNull(SecurityMonitor.network(null));
    }

    @Test
    void retriesAreReadFromTheEventDetail() {
        assertEquals(4, SecurityMonitor.retries("retries=4"));
        assertEquals(0, SecurityMonitor.retries("something else"));
        assertEquals(0, SecurityMonitor.retries(null));
    }
}
