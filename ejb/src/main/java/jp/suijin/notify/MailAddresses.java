package jp.suijin.notify;

import java.util.regex.Pattern;

/**
 * The one check of a mail address, used where an address is entered and again where a mail is queued,
 * so an address that was accepted is never refused later. Japanese carriers' older addresses (dots
 * doubled or before the @, which RFC 5322 forbids) are accepted, as their relays deliver them; nothing
 * a header could be split at is.
 */
public final class MailAddresses {

    public static final int MAX_LENGTH = 254;
    private static final Pattern ADDRESS = Pattern.compile(
            "[\\x21-\\x7E&&[^@,;:<>()\\[\\]\\\\\"]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private MailAddresses() {
    }

    /** An address as logs may show it: the first character and the domain ("t***@example.jp"). */
    public static String mask(String address) {
        int at = address.indexOf('@');
        if (at < 0) {
            return "***";
        }
        return at <= 1 ? "***" + address.substring(at) : address.charAt(0) + "***" + address.substring(at);
    }

    public static boolean valid(String address) {
        return address != null && address.length() <= MAX_LENGTH && ADDRESS.matcher(address).matches();
    }
}
