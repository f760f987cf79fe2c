package jp.suijin.csv;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * CSV as RFC 4180 writes it (CRLF, fields with comma, quote or line break quoted, quotes doubled),
 * in UTF-8 with a byte order mark so that Excel opens Japanese text correctly. Times in Japan time.
 * Shared by every CSV download (audit records, reports).
 * Text goes through {@link FormulaGuard}, so a spreadsheet does not run what a stranger typed.
 */
public final class CsvWriter implements Flushable, Closeable {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.of("Asia/Tokyo"));

    private final Writer out;
    private boolean lineStarted;

    public CsvWriter(OutputStream stream) throws IOException {
        out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        out.write('\uFEFF');
    }

    public CsvWriter text(String value) throws IOException {
        separate();
        if (value != null) {
            out.write(quote(FormulaGuard.neutralise(value)));
        }
        return this;
    }

    public CsvWriter number(long value) throws IOException {
        separate();
        out.write(Long.toString(value));
        return this;
    }

    /** A measured value with the given number of decimals (plain, never in exponent form). */
    public CsvWriter decimal(double value, int decimals) throws IOException {
        separate();
        out.write(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString());
        return this;
    }

    public CsvWriter time(Instant value) throws IOException {
        separate();
        if (value != null) {
            out.write(TIME.format(value));
        }
        return this;
    }

    public void endLine() throws IOException {
        out.write("\r\n");
        lineStarted = false;
    }

    /** A header line; names may hold what users typed (a point's name), so they are neutralised too. */
    public void header(String... names) throws IOException {
        for (String name : names) {
            text(name);
        }
        endLine();
    }

    private void separate() throws IOException {
        if (lineStarted) {
            out.write(',');
        }
        lineStarted = true;
    }

    static String quote(String value) {
        boolean needs = false;
        for (int i = 0; i < value.length() && !needs; i++) {
            char c = value.charAt(i);
            needs = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Flushes but leaves the stream open: it belongs to the caller. */
    @Override
    public void close() throws IOException {
        out.flush();
    }
}
