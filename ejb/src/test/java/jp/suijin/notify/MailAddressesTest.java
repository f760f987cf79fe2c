package jp.suijin.notify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MailAddressesTest {

    @Test
    void acceptsOrdinaryAndJapaneseCarrierAddresses() {
        assertTrue(MailAddresses.valid("taro.yamada@example.jp"));
        assertTrue(MailAddresses.valid("taro..yamada@docomo.ne.jp"));
        assertTrue(MailAddresses.valid("hanako.@ezweb.ne.jp"));
        assertTrue(MailAddresses.valid("on-call+pump_1@water.city.example.lg.jp"));
    }

    @Test
    void refusesWhatCouldSplitAHeaderOrIsNoAddress() {
        assertFalse(MailAddresses.valid(null));
        assertFalse(MailAddresses.valid("taro@example"));
        assertFalse(MailAddresses.valid("a@b.jp, c@d.jp"));
        assertFalse(MailAddresses.valid("a@b.jp;c@d.jp"));
        assertFalse(MailAddresses.valid("Taro <taro@example.jp>"));
        assertFalse(MailAddresses.valid("taro@example.jp\r\nBcc: x@y.jp"));
        assertFalse(MailAddresses.valid("たろう@example.jp"));
        assertFalse(MailAddresses.valid("a@-b.jp"));
        assertFalse(MailAddresses.valid("a".repeat(250) + "@b.jp"));
    }
}
