package jp.suijin.notify.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What outgoing mail is signed with: the RSA key in Payara password alias {@value #ALIAS} (PKCS#8,
 * Base64; domain-config/apply.sh makes one when none is given), the signing domain (system property
 * {@value #DOMAIN_PROPERTY}, else the sender address's domain) and the selector ({@value
 * #SELECTOR_PROPERTY}, else {@value #DEFAULT_SELECTOR}). The key is read through Payara's
 * password-alias config source, so it is never in domain.xml or a log.
 */
public record DkimKey(String domain, String selector, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {

    public static final String ALIAS = "suijin-dkim-key";
    public static final String DOMAIN_PROPERTY = "suijin.dkim.domain";
    public static final String SELECTOR_PROPERTY = "suijin.dkim.selector";
    static final String DEFAULT_SELECTOR = "suijin";
    static final int MIN_BITS = 1024;
    private static final Pattern DNS_NAME = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    /** The names from the domain's settings, the key from its alias; {@code from} is the mail session's sender address. */
    public static DkimKey load(String from) {
        String[] names = names(from);
        Optional<String> value = ConfigProvider.getConfig().getOptionalValue(ALIAS, String.class);
        if (value.isEmpty() || value.get().isBlank()) {
            throw new IllegalStateException("The DKIM key is missing: password alias " + ALIAS
                    + " is not set in this domain (run domain-config/apply.sh)");
        }
        return of(names[0], names[1], value.get());
    }

    /** Signing domain and selector: {@code [domain, selector]}. */
    static String[] names(String from) {
        String domain = System.getProperty(DOMAIN_PROPERTY, "").strip();
        if (domain.isEmpty()) {
            int at = from == null ? -1 : from.lastIndexOf('@');
            domain = at < 0 ? "" : from.substring(at + 1).replace(">", "").strip();
        }
        String selector = System.getProperty(SELECTOR_PROPERTY, "").strip();
        selector = selector.isEmpty() ? DEFAULT_SELECTOR : selector;
        if (!DNS_NAME.matcher(domain).matches()) {
            throw new IllegalStateException("The DKIM signing domain '" + domain + "' is not a domain name (set "
                    + DOMAIN_PROPERTY + " or the mail session's sender address)");
        }
        if (!DNS_NAME.matcher(selector).matches()) {
            throw new IllegalStateException("The DKIM selector '" + selector + "' is not a DNS label (" + SELECTOR_PROPERTY + ")");
        }
        return new String[] {domain.toLowerCase(Locale.ROOT), selector};
    }

    static DkimKey of(String domain, String selector, String base64) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The DKIM key (password alias " + ALIAS + ") is not Base64");
        }
        RSAPrivateCrtKey key;
        try {
            if (!(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey k)) {
                throw new IllegalStateException("The DKIM key (password alias " + ALIAS + ") lacks its public part");
            }
            key = k;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The DKIM key (password alias " + ALIAS + ") is not an RSA private key in PKCS#8");
        }
        if (key.getModulus().bitLength() < MIN_BITS) {
            throw new IllegalStateException("The DKIM key (password alias " + ALIAS + ") has " + key.getModulus().bitLength()
                    + " bits; it needs at least " + MIN_BITS + " (2048 recommended)");
        }
        RSAPublicKey publicKey;
        try {
            publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return new DkimKey(domain, selector, key, publicKey);
    }

    public DkimSigner signer() {
        return new DkimSigner(domain, selector, privateKey);
    }

    /** The p= value of the DKIM DNS record: the public key as X.509 SubjectPublicKeyInfo, Base64. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    @Override
    public String toString() {
        return "DkimKey[" + selector + "._domainkey." + domain + "]";
    }
}
