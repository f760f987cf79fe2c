package jp.suijin.audit.internal;

import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The HMAC key of the audit chains: Payara password alias {@value #ALIAS} (Base64, at least 32
 * bytes), which domain-config/apply.sh creates once and never replaces. Read through Payara's
 * password-alias config source, so it is never in domain.xml, a system property or a log.
 */
public final class AuditKey {

    public static final String ALIAS = "suijin-audit-key";
    static final int MIN_BYTES = 32;

    private AuditKey() {
    }

    public static byte[] load() {
        Optional<String> value = ConfigProvider.getConfig().getOptionalValue(ALIAS, String.class);
        if (value.isEmpty() || value.get().isBlank()) {
            throw new IllegalStateException("The audit key is missing: password alias " + ALIAS
                    + " is not set in this domain (run domain-config/apply.sh)");
        }
        return decode(value.get());
    }

    public static byte[] decode(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The audit key (password alias " + ALIAS + ") is not Base64");
        }
        if (key.length < MIN_BYTES) {
            throw new IllegalStateException("The audit key (password alias " + ALIAS + ") has " + key.length
                    + " bytes; it needs at least " + MIN_BYTES);
        }
        return key;
    }
}
