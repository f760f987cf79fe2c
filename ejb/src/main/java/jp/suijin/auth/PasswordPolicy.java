package jp.suijin.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must satisfy, after NIST SP 800-63B: long enough, not absurdly long, not a
 * commonly used password (the 30,000 of {@code common-passwords.txt}), not containing the login ID.
 * No composition rules. Length counts Unicode code points, so Japanese passwords count fairly.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    /** The rule a password broke; pages name it to the user. */
    public enum Violation {
        TOO_SHORT,
        TOO_LONG,
        COMMON,
        CONTAINS_LOGIN_ID
    }

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    public static Optional<Violation> check(String password, String loginId) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(Violation.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(Violation.TOO_LONG);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of(Violation.COMMON);
        }
        if (loginId != null && !loginId.isBlank() && lower.contains(loginId.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of(Violation.CONTAINS_LOGIN_ID);
        }
        return Optional.empty();
    }

    static int commonCount() {
        return COMMON.size();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(40_000);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("common-passwords.txt is missing from the EJB module", e);
        }
        return Set.copyOf(words);
    }
}
