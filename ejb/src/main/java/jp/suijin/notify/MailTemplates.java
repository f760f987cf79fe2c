package jp.suijin.notify;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/** Subjects and bodies of the mails Suijin sends, Japanese by default, from {@code jp.suijin.notify.mails}. */
public final class MailTemplates {

    private static final DateTimeFormatter JST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Tokyo"));

    private MailTemplates() {
    }

    /** A time as mails show it: Japan time (the templates say so). */
    public static String jst(Instant instant) {
        return JST.format(instant);
    }

    /** Fills template {@code key} ({@code key.subject} and {@code key.body}) for one recipient. */
    public static Mail render(String key, String to, String locale, Object... args) {
        ResourceBundle bundle = bundle(locale);
        Locale l = toLocale(locale);
        return new Mail(to, new MessageFormat(bundle.getString(key + ".subject"), l).format(args),
                new MessageFormat(bundle.getString(key + ".body"), l).format(args));
    }

    /** One text of the mail bundle (e.g. a name used inside a template) in the recipient's language. */
    public static String text(String key, String locale) {
        return bundle(locale).getString(key);
    }

    private static ResourceBundle bundle(String locale) {
        return ResourceBundle.getBundle("jp.suijin.notify.mails", toLocale(locale),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static Locale toLocale(String locale) {
        return "en".equals(locale) ? Locale.ENGLISH : Locale.JAPANESE;
    }
}
