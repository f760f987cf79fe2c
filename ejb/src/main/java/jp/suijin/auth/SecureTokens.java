package jp.suijin.auth;

import java.security.SecureRandom;
import java.util.Base64;

/** Random bearer tokens and link tokens: 256 bits from a CSPRNG, URL-safe. */
public final class SecureTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecureTokens() {
    }

    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
