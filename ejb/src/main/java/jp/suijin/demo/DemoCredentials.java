package jp.suijin.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets of a demo installation, kept in one owner-only file under the run command's data
 * directory: the demo users' password and a key from which each demo device's token is derived,
 * so the telemetry simulator and the application agree on tokens without storing them in the
 * database or in domain.xml. Plain Java: the launcher uses it outside the server.
 */
public final class DemoCredentials {

    /** System property naming the file; when the domain does not set it, no demo data is loaded. */
    public static final String FILE_PROPERTY = "suijin.demo.credentials";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String password;
    private final byte[] deviceKey;

    private DemoCredentials(String password, byte[] deviceKey) {
        this.password = password;
        this.deviceKey = deviceKey;
    }

    /** Reads the file, creating it with fresh random secrets first if it does not exist. */
    public static DemoCredentials readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            SecureRandom random = new SecureRandom();
            byte[] pw = new byte[12];
            byte[] key = new byte[32];
            random.nextBytes(pw);
            random.nextBytes(key);
            Properties p = new Properties();
            p.setProperty("password", "Demo-" + B64.encodeToString(pw));
            p.setProperty("device-key", B64.encodeToString(key));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "Suijin demo secrets: keep private");
            }
        }
        return read(file);
    }

    public static DemoCredentials read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String password = p.getProperty("password");
        String key = p.getProperty("device-key");
        if (password == null || key == null) {
            throw new IOException(file + " must define password and device-key");
        }
        return new DemoCredentials(password, Base64.getUrlDecoder().decode(key));
    }

    /** The password of every demo user. */
    public String password() {
        return password;
    }

    /** The bearer token of a demo device: HMAC-SHA256 of its code under the installation's key. */
    public String deviceToken(String deviceCode) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(deviceKey, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(("device:" + deviceCode).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
