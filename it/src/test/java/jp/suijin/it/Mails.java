package jp.suijin.it;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the application mailed to the test stack's SMTP server. */
public final class Mails {

    private final Set<String> seen = new HashSet<>();

    /** Remembers every mail received so far; {@link #next} then returns only newer ones. */
    public static Mails fromNow() {
        Mails mails = new Mails();
        SuijinStackExtension.stack().mail().messages().forEach(m -> mails.seen.add(id(m)));
        return mails;
    }

    /** The next new mail to {@code to} whose subject contains {@code subject}; fails after 20 s. */
    public MimeMessage next(String to, String subject) {
        MimeMessage found = SuijinStackExtension.stack().mail().await(m -> !seen.contains(id(m))
                && recipient(m).equals(to) && subject(m).contains(subject), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no mail to " + to + " with subject '" + subject + "'"));
        seen.add(id(found));
        return found;
    }

    public static String text(MimeMessage m) {
        try {
            return (String) m.getContent();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first match of {@code regex}'s group 1 in the mail's text. */
    public static String find(MimeMessage m, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text(m));
        if (!matcher.find()) {
            throw new AssertionError("'" + regex + "' not found in:\n" + text(m));
        }
        return matcher.group(1);
    }

    private static String id(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
