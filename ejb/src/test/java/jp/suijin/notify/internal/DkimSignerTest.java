package jp.suijin.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DkimSignerTest {

    private static KeyPair keys;

    @BeforeAll
    static void key() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    /** RFC 6376 3.4.5, the relaxed example. */
    @Test
    void canonicalizesHeadersAndBodyAsTheRfcExample() {
        List<String> fields = DkimSigner.fields("A: X\r\nB : Y\t\r\n\tZ  \r\n");
        assertEquals(List.of("a:X", "b:Y Z"), fields.stream().map(DkimSigner::relaxedHeader).toList());
        assertEquals(" C\r\nD E\r\n", ascii(DkimSigner.relaxedBody(bytes(" C \r\nD \t E\r\n\r\n\r\n"))));
    }

    @Test
    void bodyCanonicalizationEndsWithOneLineBreakOrNothing() {
        assertEquals("", ascii(DkimSigner.relaxedBody(bytes(""))));
        assertEquals("", ascii(DkimSigner.relaxedBody(bytes("\r\n\r\n"))));
        assertEquals("x\r\n", ascii(DkimSigner.relaxedBody(bytes("x"))));
    }

    @Test
    void signatureVerifiesWithThePublicKeyAndBreaksWithOneChangedByte() throws Exception {
        String message = "Received: by relay\r\nFrom: suijin@example.jp\r\nTo: op@example.jp\r\n"
                + "Subject: =?UTF-8?B?44Ki44Op44O844Og?=\r\n =?UTF-8?B?44OG44K544OI?=\r\nDate: Sat, 28 Nov 2026 09:00:00 +0900\r\n"
                + "Message-ID: <1.suijin@example.jp>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n5rC056We\r\n\r\n";
        String header = new DkimSigner("example.jp", "suijin", keys.getPrivate())
                .signatureHeader(bytes(message), Instant.parse("2026-11-28T00:00:00Z"));
        // folded well within SMTP's line limit, the signature itself in lines of 72
        assertTrue(header.lines().allMatch(l -> l.length() <= 120), header);
        Map<String, String> tags = tags(header);
        assertEquals("rsa-sha256", tags.get("a"));
        assertEquals("relaxed/relaxed", tags.get("c"));
        // over-signed: each present one and once more; Cc and Reply-To are absent and signed as absent
        assertEquals("from:from:to:to:cc:reply-to:subject:subject:date:date:message-id:message-id:mime-version"
                + ":content-type:content-transfer-encoding", tags.get("h"));
        assertEquals("1795824000", tags.get("t"));

        assertTrue(verify(header, message));
        assertFalse(verify(header, message.replace("5rC056We", "5rC056Wf")), "a changed body must not verify");
        assertFalse(verify(header, message.replace("To: op@", "To: oq@")), "a changed signed header must not verify");
        assertTrue(verify(header, message.replace("Received: by relay", "Received: by another relay")),
                "unsigned headers may change on the way");
        assertTrue(verify(header, "Received: by one more relay\r\n" + message), "relays add unsigned headers on top");
    }

    /** RFC 6376 8.15: a second From, Subject, ... put on top, or a Cc added, must break the signature. */
    @Test
    void aHeaderAddedOnTheWayBreaksTheSignature() throws Exception {
        String message = "From: suijin@example.jp\r\nTo: op@example.jp\r\nReply-To: desk@example.jp\r\n"
                + "Subject: alarm\r\nDate: Sat, 28 Nov 2026 09:00:00 +0900\r\nMessage-ID: <2.suijin@example.jp>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nbody\r\n";
        String header = new DkimSigner("example.jp", "suijin", keys.getPrivate())
                .signatureHeader(bytes(message), Instant.parse("2026-11-28T00:00:00Z"));
        assertEquals("from:from:to:to:cc:reply-to:reply-to:subject:subject:date:date:message-id:message-id:mime-version"
                + ":content-type", tags(header).get("h"));
        assertTrue(verify(header, message));
        for (String added : List.of("From: boss@example.jp", "To: other@example.jp", "Cc: other@example.jp",
                "Reply-To: thief@example.net", "Subject: pay now", "Date: Sun, 29 Nov 2026 09:00:00 +0900",
                "Message-ID: <3.suijin@example.jp>")) {
            assertFalse(verify(header, added + "\r\n" + message), added + " on top still verifies");
            assertFalse(verify(header, message.replace("\r\n\r\n", "\r\n" + added + "\r\n\r\n")),
                    added + " below still verifies");
        }
        // what is signed once only may still be added to (and verifiers and mail programs ignore it)
        assertTrue(verify(header, "MIME-Version: 1.0\r\n" + message));
    }

    @Test
    void keysAreCheckedAndNamed() throws Exception {
        String pkcs8 = Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
        DkimKey key = DkimKey.of("example.jp", "suijin", pkcs8);
        assertEquals(Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()), key.publicKeyBase64());
        assertTrue(assertThrows(IllegalStateException.class, () -> DkimKey.of("example.jp", "s", "not base64!"))
                .getMessage().contains("suijin-dkim-key"));
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        String ecKey = Base64.getEncoder().encodeToString(ec.generateKeyPair().getPrivate().getEncoded());
        assertTrue(assertThrows(IllegalStateException.class, () -> DkimKey.of("example.jp", "s", ecKey))
                .getMessage().contains("not an RSA private key"));
        KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
        small.initialize(512);
        String smallKey = Base64.getEncoder().encodeToString(small.generateKeyPair().getPrivate().getEncoded());
        assertTrue(assertThrows(IllegalStateException.class, () -> DkimKey.of("example.jp", "s", smallKey))
                .getMessage().contains("512 bits"));
        assertEquals("example.jp", DkimKey.names("Suijin <alarm@Example.JP>")[0]);
    }

    @Test
    void retriesBackOffFromFiveSecondsToTenMinutes() {
        assertEquals(Duration.ofSeconds(5), MailSender.backOff(1));
        assertEquals(Duration.ofSeconds(10), MailSender.backOff(2));
        assertEquals(Duration.ofSeconds(320), MailSender.backOff(7));
        assertEquals(Duration.ofMinutes(10), MailSender.backOff(8));
        assertEquals(Duration.ofMinutes(10), MailSender.backOff(500));
        assertEquals(500, MailSender.describe(new IllegalStateException("x".repeat(900))).length());
    }

    /** Checks the signature the way a receiver does, from the header's own tags. */
    private static boolean verify(String header, String message) throws Exception {
        Map<String, String> tags = tags(header);
        int split = message.indexOf("\r\n\r\n");
        byte[] body = DkimSigner.relaxedBody(bytes(message.substring(split + 4)));
        if (!Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body)).equals(tags.get("bh"))) {
            return false;
        }
        List<String> fields = DkimSigner.fields(message.substring(0, split + 2));
        boolean[] used = new boolean[fields.size()];
        StringBuilder signed = new StringBuilder();
        // each name in h= takes the next occurrence from the bottom; a name with none left adds nothing
        for (String name : tags.get("h").split(":")) {
            for (int i = fields.size() - 1; i >= 0; i--) {
                if (!used[i] && fields.get(i).toLowerCase().startsWith(name + ":")) {
                    used[i] = true;
                    signed.append(DkimSigner.relaxedHeader(fields.get(i))).append("\r\n");
                    break;
                }
            }
        }
        String withoutB = header.substring(0, header.length() - 2).replaceAll("b=[A-Za-z0-9+/=\\r\\n\\t ]+$", "b=");
        signed.append(DkimSigner.relaxedHeader(withoutB));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(keys.getPublic());
        s.update(bytes(signed.toString()));
        return s.verify(Base64.getDecoder().decode(tags.get("b")));
    }

    private static Map<String, String> tags(String header) {
        String value = header.substring(header.indexOf(':') + 1).replaceAll("[\\r\\n\\t ]", "");
        Matcher m = Pattern.compile("([a-z]+)=([^;]*)").matcher(value);
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        while (m.find()) {
            tags.put(m.group(1), m.group(2));
        }
        return tags;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
