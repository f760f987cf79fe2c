package jp.suijin.it.resilience;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import jp.suijin.it.SuijinStackExtension;
import org.openqa.selenium.support.ui.FluentWait;

/** What the test domain's server.log gained since a test began (the log is not rotated within a test). */
final class LogWindow {

    private final Path file;
    private final long start;

    private LogWindow(Path file, long start) {
        this.file = file;
        this.start = start;
    }

    static LogWindow fromNow() {
        Path file = SuijinStackExtension.stack().domain().serverLog();
        return new LogWindow(file, file.toFile().length());
    }

    String text() {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(start);
            byte[] bytes = new byte[(int) Math.max(0, in.length() - start)];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (up to a minute) until the log has gained {@code text}. */
    void waitFor(String text) {
        new FluentWait<>(this).withTimeout(Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(200))
                .withMessage(() -> "server.log did not gain \"" + text + "\": " + text())
                .until(w -> w.text().contains(text));
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
