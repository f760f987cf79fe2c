package jp.suijin.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real SMTP server (GreenMail) that keeps every mail the service sends, and a small web page on
 * which a person reads them (one-time codes, unlock links, alarms). Mails are kept in memory only.
 */
public final class MailCatcher implements AutoCloseable {

    private static final DateTimeFormatter JST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Tokyo"));
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    /** GreenMail logs every mailbox it creates, with its (made-up) password; held so the level sticks. */
    private static final java.util.logging.Logger GREENMAIL_LOG = java.util.logging.Logger.getLogger("com.icegreen");

    static {
        GREENMAIL_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final int smtpPort;
    private volatile GreenMail greenMail;
    /** Mails received before the SMTP server was last stopped (a stopped GreenMail forgets them). */
    private final List<MimeMessage> earlier = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final HttpServer viewer;

    private MailCatcher(int smtpPort, GreenMail greenMail, HttpServer viewer) {
        this.smtpPort = smtpPort;
        this.greenMail = greenMail;
        this.viewer = viewer;
    }

    /** Starts SMTP on {@code smtpPort}; the viewer page only when {@code viewerPort > 0}. */
    public static MailCatcher start(int smtpPort, int viewerPort) {
        GreenMail mail = smtp(smtpPort);
        HttpServer http = null;
        if (viewerPort > 0) {
            try {
                http = HttpServer.create(new InetSocketAddress("127.0.0.1", viewerPort), 0);
            } catch (IOException e) {
                mail.stop();
                throw new LaunchException("The mail viewer could not listen on port " + viewerPort + ": " + e.getMessage());
            }
            MailCatcher catcher = new MailCatcher(smtpPort, mail, http);
            http.createContext("/", exchange -> {
                byte[] page = catcher.page().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
                exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
            });
            http.start();
            return catcher;
        }
        return new MailCatcher(smtpPort, mail, null);
    }

    private static GreenMail smtp(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** Stops the SMTP server (as a relay that is down), keeping what it received; {@link #startSmtp} brings it back. */
    public synchronized void stopSmtp() {
        earlier.addAll(Arrays.asList(greenMail.getReceivedMessages()));
        greenMail.stop();
    }

    /** Starts the SMTP server again on the same port. */
    public synchronized void startSmtp() {
        greenMail = smtp(smtpPort);
    }

    public List<MimeMessage> messages() {
        List<MimeMessage> all = new java.util.ArrayList<>(earlier);
        all.addAll(Arrays.asList(greenMail.getReceivedMessages()));
        return all;
    }

    /** Waits (without polling sleeps: GreenMail signals each arrival) for a mail that matches. */
    public Optional<MimeMessage> await(Predicate<MimeMessage> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<MimeMessage> all = messages();
            Optional<MimeMessage> found = all.stream().filter(matching).findFirst();
            long left = deadline - System.nanoTime();
            if (found.isPresent() || left <= 0) {
                return found;
            }
            greenMail.waitForIncomingEmail(Math.max(1, left / 1_000_000), all.size() - earlier.size() + 1);
        }
    }

    String page() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"UTF-8\">"
                + "<meta http-equiv=\"refresh\" content=\"10\"><title>Suijin mail catcher</title><style>"
                + "body{font-family:'Noto Sans CJK JP','IPAexGothic',sans-serif;margin:20px;background:#f4f6f8;color:#1d2733}"
                + "h1{font-size:18px}.mail{background:#fff;border:1px solid #d5dde5;border-radius:6px;padding:10px 14px;"
                + "margin:10px 0}.meta{color:#607080;font-size:12px}h2{font-size:15px;margin:4px 0}"
                + "pre{white-space:pre-wrap;font-family:inherit;font-size:13px}</style></head><body>"
                + "<h1>Suijin mail catcher — mails the service sent (newest first; refreshes every 10 s)</h1>");
        List<MimeMessage> all = messages();
        if (all.isEmpty()) {
            html.append("<p>No mail yet. Sign in to Suijin: every sign-in is mailed to the user, and later one-time codes, unlock links and alarms arrive here too.</p>");
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            MimeMessage m = all.get(i);
            try {
                html.append("<div class=\"mail\"><div class=\"meta\">")
                        .append(m.getSentDate() == null ? "" : JST.format(m.getSentDate().toInstant()) + " JST · ")
                        .append("To: ").append(escape(addresses(m.getAllRecipients())))
                        .append(" · From: ").append(escape(addresses(m.getFrom())))
                        .append("</div><h2>").append(escape(m.getSubject())).append("</h2><pre>")
                        .append(linkify(escape(text(m)))).append("</pre></div>");
            } catch (MessagingException | IOException e) {
                html.append("<div class=\"mail\">(unreadable mail: ").append(escape(e.getMessage())).append(")</div>");
            }
        }
        return html.append("</body></html>").toString();
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof MimeMultipart multi) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < multi.getCount(); i++) {
                b.append(text(multi.getBodyPart(i)));
            }
            return b.toString();
        }
        return "(" + part.getContentType() + ")";
    }

    private static String addresses(Address[] list) {
        return list == null ? "" : Arrays.stream(list).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String linkify(String escaped) {
        Matcher m = URL.matcher(escaped);
        return m.replaceAll(r -> Matcher.quoteReplacement("<a href=\"" + r.group() + "\">" + r.group() + "</a>"));
    }

    @Override
    public void close() {
        if (viewer != null) {
            viewer.stop(0);
        }
        greenMail.stop();
    }
}
