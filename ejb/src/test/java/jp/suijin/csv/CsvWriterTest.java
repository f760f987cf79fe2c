package jp.suijin.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void quotesOnlyWhatRfc4180Requires() {
        assertEquals("plain", CsvWriter.quote("plain"));
        assertEquals("\"a,b\"", CsvWriter.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.quote("say \"hi\""));
        assertEquals("\"two\r\nlines\"", CsvWriter.quote("two\r\nlines"));
        assertEquals("\"one\nline\"", CsvWriter.quote("one\nline"));
    }

    @Test
    void everyTextCellGoesThroughTheFormulaGuard() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(bytes)) {
            csv.text("＝1+1").text("\tx").text("a=b").endLine();
        }
        assertEquals("\uFEFF'＝1+1,'\tx,a=b\r\n", new String(bytes.toByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void writesBomHeaderAndCrlfLinesInJapanTime() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(bytes)) {
            csv.header("seq", "recorded_at_jst", "principal", "path");
            csv.number(42).time(Instant.parse("2026-01-31T15:00:00.123Z")).text(null).text("/app/水神,x").endLine();
        }
        byte[] out = bytes.toByteArray();
        assertEquals((byte) 0xEF, out[0]);
        assertEquals((byte) 0xBB, out[1]);
        assertEquals((byte) 0xBF, out[2]);
        assertEquals("\uFEFFseq,recorded_at_jst,principal,path\r\n42,2026-02-01 00:00:00.123,,\"/app/水神,x\"\r\n",
                new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void headingsFromUsersCannotBecomeFormulas() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(bytes)) {
            csv.header("time", "=HYPERLINK(\"http://x\") [m] mean");
        }
        assertEquals("\uFEFFtime,\"'=HYPERLINK(\"\"http://x\"\") [m] mean\"\r\n",
                new String(bytes.toByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void writesDecimalsPlainAndRounded() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(bytes)) {
            csv.decimal(2.345, 2).decimal(1e7, 1).decimal(-0.5, 0).endLine();
        }
        assertEquals("\uFEFF2.35,10000000.0,-1\r\n", new String(bytes.toByteArray(), StandardCharsets.UTF_8));
    }
}
