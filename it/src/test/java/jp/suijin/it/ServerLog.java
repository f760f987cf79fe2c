package jp.suijin.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.openqa.selenium.support.ui.FluentWait;

/** The test domain's server.log, to show that secrets and client mistakes never reach it. */
public final class ServerLog {

    /** A line of a Java stack trace ("\tat jp.suijin.X.method(X.java:12)"). */
    private static final Pattern STACK_FRAME = Pattern.compile("\\n\\s+at [\\w$.]+\\(");

    private ServerLog() {
    }

    public static void assertNeverContains(String... secrets) throws IOException {
        String log = Files.readString(SuijinStackExtension.stack().domain().serverLog(), StandardCharsets.UTF_8);
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "server.log contains a secret (" + secret.length() + " characters)");
        }
    }

    /** Where the log ends now, for {@link #assertNoSevereOrStackTraceSince}. */
    public static long size() throws IOException {
        return Files.size(SuijinStackExtension.stack().domain().serverLog());
    }

    /**
     * Asserts that what the server logged since {@code offset} holds no SEVERE record and no stack trace.
     * The server writes its log from a queue: waits first until the log has stopped growing for a moment
     * (at most 10 s), so that records of the requests just made are in it.
     */
    public static void assertNoSevereOrStackTraceSince(long offset) throws IOException {
        Path log = SuijinStackExtension.stack().domain().serverLog();
        long[] last = {-1};
        new FluentWait<>(log).withTimeout(Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(500))
                .ignoring(AssertionError.class).until(path -> {
                    long now = size(path);
                    boolean quiet = now == last[0];
                    last[0] = now;
                    return quiet;
                });
        String added;
        try (SeekableByteChannel in = Files.newByteChannel(log)) {
            in.position(offset);
            added = new String(Channels.newInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertFalse(added.contains("SEVERE"), "the server logged SEVERE: " + abbreviated(added));
        assertFalse(STACK_FRAME.matcher(added).find(), "the server logged a stack trace: " + abbreviated(added));
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviated(String log) {
        return log.length() <= 3000 ? log : log.substring(0, 3000) + "...";
    }
}
