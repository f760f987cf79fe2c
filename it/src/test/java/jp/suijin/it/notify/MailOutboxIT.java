package jp.suijin.it.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.suijin.it.Deployments;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.ServerLog;
import jp.suijin.it.web.Browser;
import jp.suijin.launcher.PayaraDomain;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * The mail outbox against real GreenMail: mail waits while the relay is down and is delivered once
 * when it is back, also across a server restart; each mail carries a DKIM signature that Debian's
 * python3-dkim verifies with the key domain-config/dkim-dns.sh prints; the service operator's page
 * shows the same records.
 */
class MailOutboxIT extends IntegrationTest {

    private static final String TO = "outbox@it-mail.test";
    /** Put in every body: it must never reach server.log. */
    private static final String BODY_SECRET = "body-secret-" + HexFormat.of().formatHex(random(8));
    private static final Pattern P_TAG = Pattern.compile("\"p=([^\"]*)\"((?:\\s*\"[^\"]*\")*)");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "mail-probe.war")
                .addClasses(MailOutboxITServlet.class, MailOutboxITFixture.class, MailOutboxITMechanism.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        return Deployments.applicationWith(probe);
    }

    @AfterEach
    void relayUpAndRealTime() throws Exception {
        if (relayDown) {
            stack().mail().startSmtp();
            relayDown = false;
        }
        call(HttpRequest.newBuilder(probe("")).DELETE());
    }

    @AfterAll
    static void noBodyReachedTheServerLog() throws Exception {
        ServerLog.assertNeverContains(BODY_SECRET);
    }

    private boolean relayDown;

    @Test
    void mailWaitsWhileTheRelayIsDownAndIsDeliveredExactlyOnceWhenItIsBack() throws Exception {
        stopRelay();
        List<Long> ids = enqueue(3, "リレー停止中");
        // the send right after the commit found no relay: each counted, due again later, why kept
        // (attempts counts from the claim, committed before the attempt: wait for the attempt's outcome too)
        List<Row> waiting = await(ids, r -> r.attempts() >= 1 && r.lastError() != null);
        Instant now = Instant.now();
        for (Row r : waiting) {
            assertEquals("PENDING", r.status());
            assertTrue(r.nextAttemptAt().isAfter(now), "due again later: " + r);
            assertNotNull(r.lastError());
            assertFalse(r.lastError().contains(BODY_SECRET), r.lastError());
            assertNull(r.sentAt());
        }

        stack().mail().startSmtp();
        relayDown = false;
        // past the longest back-off: every row is due at the next run, whichever run that is
        advance(Duration.ofMinutes(11));
        run();
        assertDeliveredOnce(ids);
        // a later run finds nothing more to send
        run();
        assertDeliveredOnce(ids);
    }

    @Test
    void mailEnqueuedBeforeAServerRestartIsDeliveredExactlyOnceAfterIt() throws Exception {
        stopRelay();
        List<Long> ids = enqueue(2, "再起動をまたぐ");
        await(ids, r -> r.attempts() >= 1 && r.status().equals("PENDING"));

        // a new server process knows only what the table holds
        stack().domain().restart();
        awaitProbe();
        stack().mail().startSmtp();
        relayDown = false;
        advance(Duration.ofMinutes(11));
        await(ids, r -> r.status().equals("SENT"));
        assertDeliveredOnce(ids);
    }

    @Test
    void aCommittedMailIsWithTheRelayWithinTwoSeconds() throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            // the probe answers after its transaction committed; the rest is the after-commit send
            String messageId = rows(enqueue(1, "所要時間")).get(0).messageId();
            assertTrue(stack().mail().await(m -> messageId.equals(messageId(m)), Duration.ofSeconds(10)).isPresent());
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.println("MailOutboxIT: enqueue request to SMTP accepted, ms: median " + sorted.get(9) + ", p95 " + sorted.get(18)
                + ", max " + sorted.get(19) + " " + millis);
        assertTrue(sorted.get(18) <= 2000, "p95 " + sorted.get(18) + " ms: " + millis);
    }

    @Test
    void receivedMailCarriesADkimSignatureThatVerifiesAndBreaksWithOneChangedByte() throws Exception {
        List<Long> ids = enqueue(1, "署名の確認");
        Row row = await(ids, r -> r.status().equals("SENT")).get(0);
        MimeMessage received = delivered(row.messageId()).get(0);
        String signature = received.getHeader("DKIM-Signature", null);
        assertNotNull(signature, "no DKIM-Signature");
        String tags = signature.replaceAll("\\s+", "");
        assertTrue(tags.contains("a=rsa-sha256;") && tags.contains("c=relaxed/relaxed;"), signature);
        for (String h : List.of("from", "to", "subject", "date", "message-id", "mime-version", "content-type")) {
            assertTrue(Arrays.asList(tags.replaceAll(".*;h=([^;]*);.*", "$1").split(":")).contains(h), h + " unsigned: " + tags);
        }
        List<String> h = Arrays.asList(tags.replaceAll(".*;h=([^;]*);.*", "$1").split(":"));
        for (String over : List.of("from", "to", "subject", "date", "message-id")) {
            assertEquals(2, h.stream().filter(over::equals).count(), over + " not over-signed: " + tags);
        }
        assertEquals(1, h.stream().filter("cc"::equals).count(), "cc (absent) signed as absent once: " + tags);

        String records = dnsRecordsCommand();
        String publicKey = publicKey(records);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        received.writeTo(raw);
        byte[] message = raw.toByteArray();
        assertEquals("True", pythonDkimVerify(message, publicKey), new String(message, StandardCharsets.UTF_8));

        String text = new String(message, StandardCharsets.ISO_8859_1);
        int bodyStart = text.indexOf("\r\n\r\n") + 4;
        byte[] tampered = message.clone();
        tampered[bodyStart + 2] = (byte) (tampered[bodyStart + 2] == 'A' ? 'B' : 'A');
        assertEquals("False", pythonDkimVerify(tampered, publicKey));
        // and with another key it fails too: the key printed is the one that signs
        assertEquals("False", pythonDkimVerify(message, otherPublicKey()));

        // From and Subject are over-signed (RFC 6376 8.15): a second one put on top no longer verifies
        for (String added : List.of("From: =?UTF-8?B?57eP5YuZ6Kqy?= <boss@it-mail.test>", "Subject: urgent")) {
            byte[] prepended = (added + "\r\n" + text).getBytes(StandardCharsets.ISO_8859_1);
            assertEquals("False", pythonDkimVerify(prepended, publicKey), added);
        }
        // while a relay's header on top leaves it valid
        assertEquals("True", pythonDkimVerify(("Received: from relay.it-mail.test\r\n" + text)
                .getBytes(StandardCharsets.ISO_8859_1), publicKey));
    }

    @Test
    void enqueueOutsideATransactionIsRefusedAndNothingIsWritten() throws Exception {
        String subject = "取引外 " + HexFormat.of().formatHex(random(4));
        assertEquals("jakarta.ejb.EJBTransactionRequiredException",
                post(Map.of("do", "outside", "to", TO, "subject", subject)));
        try (Connection c = stack().connect();
                PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM mail_outbox WHERE subject = ?")) {
            q.setString(1, subject);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                assertEquals(0, r.getInt(1));
            }
        }
    }

    @Test
    void theServiceOperatorSeesTheRecordsToPublishInJapaneseAndEnglish() throws Exception {
        String publicKey = publicKey(dnsRecordsCommand());
        for (String language : List.of("ja-JP", "en-US")) {
            WebDriver browser = Browser.open(language);
            try {
                // signing in leads a service operator straight to the service pages, not to a dashboard they may not see
                Browser.signIn(browser, MailOutboxITFixture.SERVICE_OPERATOR, MailOutboxITFixture.PASSWORD);
                assertTrue(browser.getCurrentUrl().contains("/app/service/mail-dns.xhtml"), browser.getCurrentUrl());
                Browser.waitFor(browser, 20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.plain-table")));
                List<String> menu = browser.findElements(By.cssSelector("nav.menu a")).stream().map(a -> a.getAttribute("href"))
                        .toList();
                assertTrue(menu.size() == 1 && menu.get(0).contains("/app/account.xhtml"), menu.toString());
                String page = browser.findElement(By.tagName("main")).getText();
                assertTrue(page.contains(language.startsWith("ja") ? "メール送信ドメインのDNSレコード"
                        : "DNS records of the mail sending domain"), page);
                assertTrue(page.contains("v=spf1 ip4:<relay-ip> -all"), page);
                assertTrue(page.contains("suijin._domainkey.localhost"), page);
                assertTrue(page.replaceAll("\\s", "").contains("v=DKIM1;k=rsa;p=" + publicKey), page);
                assertTrue(page.contains("_dmarc.localhost") && page.contains("v=DMARC1; p=quarantine;"), page);
                assertFalse(page.contains("???"), "a missing text: " + page);
                Browser.screenshot(browser, "mail-dns-" + language.substring(0, 2));
                // their own account page: password and two-step sign-in, no phones
                browser.findElement(By.cssSelector("nav.menu a")).click();
                Browser.waitFor(browser, 20).until(ExpectedConditions.urlContains("/app/account.xhtml"));
                String account = browser.findElement(By.tagName("main")).getText();
                assertTrue(account.contains(language.startsWith("ja") ? "パスワード" : "assword"), account);
                assertTrue(browser.findElements(By.id("devices")).isEmpty(), account);
                assertFalse(account.contains("???"), "a missing text: " + account);
                Browser.screenshot(browser, "service-account-" + language.substring(0, 2));
            } finally {
                browser.quit();
            }
        }
    }

    private record Row(long id, String status, int attempts, Instant nextAttemptAt, String lastError, String messageId,
            Instant sentAt) {
    }

    private void stopRelay() {
        stack().mail().stopSmtp();
        relayDown = true;
    }

    private List<Long> enqueue(int count, String subject) throws Exception {
        String answer = post(Map.of("do", "enqueue", "to", TO, "count", String.valueOf(count),
                "subject", subject + " " + HexFormat.of().formatHex(random(4)),
                "body", "水神からのお知らせ\n" + BODY_SECRET + "\nhttp://localhost/unlock.xhtml?token=" + BODY_SECRET));
        return Arrays.stream(answer.split(",")).map(Long::valueOf).toList();
    }

    private static void advance(Duration by) throws Exception {
        post(Map.of("do", "advance", "advance", by.toString()));
    }

    private static void run() throws Exception {
        post(Map.of("do", "run"));
    }

    /** Each mail arrived once (by its Message-ID) and its row says SENT. */
    private void assertDeliveredOnce(List<Long> ids) throws Exception {
        for (Row r : await(ids, row -> row.status().equals("SENT"))) {
            assertNotNull(r.sentAt());
            assertNull(r.lastError());
            assertTrue(r.messageId().matches("<[0-9a-f]{32}\\.suijin@localhost>"), r.messageId());
            stack().mail().await(m -> r.messageId().equals(messageId(m)), Duration.ofSeconds(20));
            assertEquals(1, delivered(r.messageId()).size(), "copies of " + r.messageId());
        }
    }

    private List<MimeMessage> delivered(String messageId) {
        return stack().mail().messages().stream().filter(m -> messageId.equals(messageId(m))).toList();
    }

    /** Waits until all rows match (the sender works on its own threads); fails after 60 s. */
    private List<Row> await(List<Long> ids, Predicate<Row> condition) {
        return new FluentWait<>(ids).withTimeout(Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(100))
                .withMessage(() -> "outbox rows never matched: " + ids).until(wanted -> {
                    List<Row> rows = rowsOf(wanted);
                    return rows.size() == wanted.size() && rows.stream().allMatch(condition) ? rows : null;
                });
    }

    private List<Row> rowsOf(List<Long> ids) {
        try {
            return rows(ids);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Row> rows(List<Long> ids) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT id, status, attempts,"
                + " next_attempt_at, last_error, message_id, sent_at FROM mail_outbox WHERE id = ?")) {
            for (long id : ids) {
                q.setLong(1, id);
                try (ResultSet r = q.executeQuery()) {
                    if (r.next()) {
                        rows.add(new Row(r.getLong(1), r.getString(2), r.getInt(3), utc(r.getObject(4, LocalDateTime.class)),
                                r.getString(5), r.getString(6), utc(r.getObject(7, LocalDateTime.class))));
                    }
                }
            }
        }
        return rows;
    }

    /** domain-config/dkim-dns.sh against the test domain, as an operator runs it. */
    private static String dnsRecordsCommand() throws Exception {
        Path script = Path.of(System.getProperty("suijin.home"), "domain-config", "dkim-dns.sh");
        Process p = new ProcessBuilder("bash", script.toString(), "--asadmin", stack().domain().asadmin().toString(),
                "--admin-port", String.valueOf(stack().domain().adminPort()), "--user", PayaraDomain.ADMIN_USER,
                "--passwordfile", stack().domain().passwordFile().toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("localhost. IN TXT \"v=spf1 ip4:<relay-ip> -all\""), out);
        assertTrue(out.contains("_dmarc.localhost. IN TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@localhost\""), out);
        return out;
    }

    /** The p= value of the DKIM record, its quoted strings joined. */
    private static String publicKey(String records) {
        String dkim = records.lines().filter(l -> l.startsWith("suijin._domainkey.localhost. IN TXT ( \"v=DKIM1; k=rsa;\""))
                .findFirst().orElseThrow(() -> new AssertionError("no DKIM record: " + records));
        Matcher m = P_TAG.matcher(dkim);
        assertTrue(m.find(), dkim);
        return m.group(1) + m.group(2).replaceAll("[\\s\"]", "");
    }

    /** Debian's python3-dkim, given the key as DNS would give it; answers True or False. */
    private static String pythonDkimVerify(byte[] message, String publicKey) throws Exception {
        Path dir = Files.createTempDirectory("dkim");
        Path script = dir.resolve("verify.py");
        Files.writeString(script, """
                import sys, dkim
                key = ("v=DKIM1; k=rsa; p=" + sys.argv[1]).encode()
                print(dkim.verify(sys.stdin.buffer.read(), dnsfunc=lambda name, timeout=5: key))
                """);
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), publicKey).redirectErrorStream(true).start();
        p.getOutputStream().write(message);
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private static String otherPublicKey() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return java.util.Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded());
    }

    private static String post(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return call(HttpRequest.newBuilder(probe("")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String call(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 200 || r.statusCode() == 204, r.statusCode() + " " + r.body());
        return r.body();
    }

    /** Waits until the restarted application serves the probe (GET is not one of its methods: 405). */
    private static void awaitProbe() {
        HttpClient http = HttpClient.newHttpClient();
        new FluentWait<>(http).withTimeout(Duration.ofMinutes(2)).pollingEvery(Duration.ofMillis(500))
                .ignoring(UncheckedIOException.class)
                .withMessage("the probe did not come back after the restart").until(client -> {
                    try {
                        return client.send(HttpRequest.newBuilder(probe("")).GET().build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 405;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
    }

    private static URI probe(String query) {
        return stack().operatorUrl("mail-probe/outbox" + query);
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant utc(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
