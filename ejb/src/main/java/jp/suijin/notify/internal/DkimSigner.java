package jp.suijin.notify.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * DKIM signatures (RFC 6376): rsa-sha256, relaxed/relaxed canonicalization. Works on the message
 * exactly as it goes to the relay (CRLF line ends), and gives the {@code DKIM-Signature} header to
 * put on top of it. Written here rather than taken from a library: it is small, and the outbox
 * needs it to sign the bytes Jakarta Mail actually writes.
 */
public final class DkimSigner {

    /** Signed in this order; those not {@link #OVER_SIGNED} once when present (the last occurrence, as verifiers pick bottom-up). */
    static final List<String> SIGNED_HEADERS = List.of("From", "To", "Cc", "Reply-To", "Subject", "Date", "Message-ID",
            "MIME-Version", "Content-Type", "Content-Transfer-Encoding");
    /**
     * Over-signed (RFC 6376 8.15): every occurrence is signed and the name is listed once more in h=, which
     * signs "no further one". A {@code From:} or {@code Subject:} someone puts on top of the message on the
     * way, which a mail program may show instead of ours, then breaks the signature; so does a Cc or
     * Reply-To added to a mail that had none.
     */
    static final Set<String> OVER_SIGNED = Set.of("From", "To", "Cc", "Reply-To", "Subject", "Date", "Message-ID");
    private static final byte[] CRLF = {'\r', '\n'};

    private final String domain;
    private final String selector;
    private final PrivateKey key;

    public DkimSigner(String domain, String selector, PrivateKey key) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.selector = Objects.requireNonNull(selector, "selector");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The folded {@code DKIM-Signature} header field, ending in CRLF, for {@code message} (headers, blank line, body). */
    public String signatureHeader(byte[] message, Instant now) {
        int split = indexOf(message, new byte[] {'\r', '\n', '\r', '\n'});
        String head = new String(message, 0, split < 0 ? message.length : split + 2, StandardCharsets.ISO_8859_1);
        byte[] body = split < 0 ? new byte[0] : Arrays.copyOfRange(message, split + 4, message.length);

        List<String> fields = fields(head);
        boolean[] used = new boolean[fields.size()];
        List<String> names = new ArrayList<>();
        StringBuilder signed = new StringBuilder();
        for (String wanted : SIGNED_HEADERS) {
            boolean over = OVER_SIGNED.contains(wanted);
            for (int i = fields.size() - 1; i >= 0; i--) {
                if (!used[i] && name(fields.get(i)).equalsIgnoreCase(wanted)) {
                    used[i] = true;
                    names.add(wanted.toLowerCase(Locale.ROOT));
                    signed.append(relaxedHeader(fields.get(i))).append("\r\n");
                    if (!over) {
                        break;
                    }
                }
            }
            if (over) {
                // one more than present: stands for a header that is not there, and adds nothing to the hash
                names.add(wanted.toLowerCase(Locale.ROOT));
            }
        }
        String bodyHash = Base64.getEncoder().encodeToString(sha256(relaxedBody(body)));
        String field = "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector
                + ";\r\n\tt=" + now.getEpochSecond() + "; h=" + folded(names) + ";\r\n\tbh=" + bodyHash
                + ";\r\n\tb=";
        // the signature covers its own header with an empty b= and without the final CRLF
        signed.append(relaxedHeader(field));
        String b = Base64.getEncoder().encodeToString(rsaSha256(signed.toString().getBytes(StandardCharsets.ISO_8859_1)));
        StringBuilder folded = new StringBuilder(field);
        for (int i = 0; i < b.length(); i += 72) {
            folded.append(i == 0 ? "" : "\r\n\t").append(b, i, Math.min(b.length(), i + 72));
        }
        return folded.append("\r\n").toString();
    }

    /** The h= value in lines of about 72 characters: over-signing makes it too long for one (FWS may follow a colon). */
    static String folded(List<String> names) {
        StringBuilder h = new StringBuilder();
        int line = 0;
        for (String name : names) {
            if (h.length() > 0) {
                h.append(':');
                if (line + name.length() > 72) {
                    h.append("\r\n\t");
                    line = 0;
                }
            }
            h.append(name);
            line += name.length() + 1;
        }
        return h.toString();
    }

    /** Header fields with their continuation lines (CRLF kept inside). */
    static List<String> fields(String head) {
        List<String> fields = new ArrayList<>();
        for (String line : head.split("\r\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !fields.isEmpty()) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
            } else if (!line.isEmpty()) {
                fields.add(line);
            }
        }
        return fields;
    }

    private static String name(String field) {
        int colon = field.indexOf(':');
        return (colon < 0 ? field : field.substring(0, colon)).strip();
    }

    /** RFC 6376 3.4.2: lower-case name, unfolded value, whitespace runs as one space, none around the colon or at the end. */
    static String relaxedHeader(String field) {
        int colon = field.indexOf(':');
        String value = field.substring(colon + 1).replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
        return field.substring(0, colon).strip().toLowerCase(Locale.ROOT) + ":" + value;
    }

    /** RFC 6376 3.4.4: whitespace runs as one space, none at line ends, no empty lines at the end. */
    static byte[] relaxedBody(byte[] body) {
        String[] lines = new String(body, StandardCharsets.ISO_8859_1).split("\r\n", -1);
        List<String> canonical = new ArrayList<>();
        for (String line : lines) {
            canonical.add(line.replaceAll("[ \t]+", " ").replaceAll(" $", ""));
        }
        while (!canonical.isEmpty() && canonical.get(canonical.size() - 1).isEmpty()) {
            canonical.remove(canonical.size() - 1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        for (String line : canonical) {
            out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(CRLF);
        }
        return out.toByteArray();
    }

    private byte[] rsaSha256(byte[] data) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DKIM signing failed: " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
