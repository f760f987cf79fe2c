package jp.suijin.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** The test domain's server.log, to show that secrets never reach it. */
public final class ServerLog {

    private ServerLog() {
    }

    public static void assertNeverContains(String... secrets) throws IOException {
        String log = Files.readString(SuijinStackExtension.stack().domain().serverLog(), StandardCharsets.UTF_8);
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "server.log contains a secret (" + secret.length() + " characters)");
        }
    }
}
