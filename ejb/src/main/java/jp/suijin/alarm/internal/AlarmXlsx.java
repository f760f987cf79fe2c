package jp.suijin.alarm.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import jp.suijin.alarm.AlarmRow;
import jp.suijin.csv.FormulaGuard;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The history as an Excel sheet: times as date cells in Japan time, values as numbers with the point's
 * decimals, durations as time cells ([h]:mm:ss) that sum. Streamed (SXSSF keeps 100 rows in memory) so
 * a capped export of tens of thousands of rows does not fill the heap. Text cells go through
 * {@link FormulaGuard}, as in the CSV: names and comments are what users typed.
 */
final class AlarmXlsx implements AlarmExport {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final AlarmText text;
    private final SXSSFWorkbook book = new SXSSFWorkbook(100);
    private final SXSSFSheet sheet;
    private final CellStyle time;
    private final CellStyle duration;
    private final Map<Integer, CellStyle> numbers = new HashMap<>();
    private int next = 1;

    AlarmXlsx(AlarmText text) {
        this.text = text;
        sheet = book.createSheet(text.sheet());
        time = book.createCellStyle();
        time.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        duration = book.createCellStyle();
        duration.setDataFormat(book.createDataFormat().getFormat("[h]:mm:ss"));
        Font bold = book.createFont();
        bold.setBold(true);
        CellStyle header = book.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        Row headings = sheet.createRow(0);
        for (int i = 0; i < AlarmText.COLUMNS.size(); i++) {
            Cell cell = headings.createCell(i);
            cell.setCellValue(FormulaGuard.neutralise(text.heading(AlarmText.COLUMNS.get(i))));
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, (i == 1 || i == 10 || i == 13 ? 20 : 13) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void write(AlarmRow row) {
        Row line = sheet.createRow(next++);
        int c = 0;
        line.createCell(c++).setCellValue(row.id());
        time(line, c++, row.raisedAt());
        text(line, c++, row.facilityName());
        text(line, c++, row.sourceCode());
        text(line, c++, row.sourceName());
        text(line, c++, text.kind(row.kind()));
        text(line, c++, text.severity(row.severity()));
        if (row.stateLabel() != null) {
            text(line, c++, AlarmText.value(row, row.raisedValue(), true));
        } else {
            number(line, c++, row.raisedValue(), row.decimals());
        }
        number(line, c++, row.limitValue(), row.decimals());
        text(line, c++, row.unit());
        time(line, c++, row.clearedAt());
        number(line, c++, row.clearedValue(), row.decimals());
        duration(line, c++, row.clearedAfter());
        time(line, c++, row.ackedAt());
        duration(line, c++, row.acknowledgedAfter());
        text(line, c++, row.ackedBy());
        text(line, c, row.ackComment());
    }

    private static void text(Row line, int column, String value) {
        if (value != null) {
            line.createCell(column).setCellValue(FormulaGuard.neutralise(value));
        }
    }

    private void time(Row line, int column, Instant value) {
        if (value != null) {
            Cell cell = line.createCell(column);
            cell.setCellValue(LocalDateTime.ofInstant(value, JAPAN));
            cell.setCellStyle(time);
        }
    }

    private void duration(Row line, int column, Duration value) {
        if (value != null) {
            Cell cell = line.createCell(column);
            cell.setCellValue(value.toMillis() / 86_400_000d); // Excel counts time in days
            cell.setCellStyle(duration);
        }
    }

    private void number(Row line, int column, Double value, int decimals) {
        if (value == null) {
            return;
        }
        Cell cell = line.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(numbers.computeIfAbsent(decimals, d -> {
            CellStyle style = book.createCellStyle();
            style.setDataFormat(book.createDataFormat().getFormat(d == 0 ? "0" : "0." + "0".repeat(d)));
            return style;
        }));
    }

    @Override
    public void finish(OutputStream out) throws IOException {
        book.write(out);
    }

    @Override
    public void close() throws IOException {
        book.close(); // also removes SXSSF's temporary files
    }
}
