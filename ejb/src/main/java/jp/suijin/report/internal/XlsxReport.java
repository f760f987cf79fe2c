package jp.suijin.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.suijin.csv.FormulaGuard;
import jp.suijin.report.Report;
import jp.suijin.report.ReportColumn;
import jp.suijin.report.ReportKind;
import jp.suijin.report.ReportRow;
import jp.suijin.report.ReportSummaryRow;
import jp.suijin.report.ReportText;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A report as an Excel workbook: numbers as numeric cells formatted with the point's decimals, 欠測
 * as a text cell, days and months as date cells (hours of a daily report as text, "0:00"), printed
 * A4 landscape one page wide. Every text cell goes through {@link FormulaGuard}: the title and headings
 * hold facility and point names users typed.
 */
final class XlsxReport {

    /** Sheet rows before the table: title, when made, an empty line. */
    private static final int TABLE_ROW = 3;

    private final XSSFWorkbook book;
    private final ReportText text;
    private final CellStyle header;
    private final CellStyle label;
    private final CellStyle missing;
    private final CellStyle date;
    private final Map<Integer, CellStyle> numbers = new HashMap<>();

    private XlsxReport(XSSFWorkbook book, ReportText text, ReportKind kind) {
        this.book = book;
        this.text = text;
        Font bold = book.createFont();
        bold.setBold(true);
        header = bordered();
        header.setFont(bold);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        label = bordered();
        label.setAlignment(HorizontalAlignment.CENTER);
        missing = bordered();
        missing.setAlignment(HorizontalAlignment.CENTER);
        date = bordered();
        date.setAlignment(HorizontalAlignment.CENTER);
        date.setDataFormat(book.createDataFormat().getFormat(kind == ReportKind.YEARLY ? "yyyy/m" : "m/d"));
    }

    static void write(Report report, ReportText text, LocalDateTime made, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            new XlsxReport(book, text, report.kind()).fill(report, made);
            book.write(out);
        }
    }

    private void fill(Report report, LocalDateTime made) {
        List<ReportColumn> columns = report.columns();
        Sheet sheet = book.createSheet(text.kind(report.kind()));
        Font big = book.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        CellStyle title = book.createCellStyle();
        title.setFont(big);
        Cell titleCell = sheet.createRow(0).createCell(0);
        titleCell.setCellValue(FormulaGuard.neutralise(text.title(report)));
        titleCell.setCellStyle(title);
        sheet.createRow(1).createCell(0).setCellValue(FormulaGuard.neutralise(text.made(made)));

        Row headings = sheet.createRow(TABLE_ROW);
        Row statistics = sheet.createRow(TABLE_ROW + 1);
        headings.setHeightInPoints(30);
        cell(headings, 0, text.periodColumn(report.kind()), header);
        cell(statistics, 0, "", header);
        for (int i = 0; i < columns.size(); i++) {
            cell(headings, i + 1, text.pointHeading(columns.get(i)), header);
            cell(statistics, i + 1, text.statistic(columns.get(i).statistic()), header);
            sheet.setColumnWidth(i + 1, 14 * 256);
        }
        sheet.setColumnWidth(0, 11 * 256);

        int r = TABLE_ROW + 2;
        for (ReportRow row : report.rows()) {
            Row line = sheet.createRow(r++);
            Cell first = line.createCell(0);
            if (report.kind() == ReportKind.DAILY) {
                first.setCellValue(FormulaGuard.neutralise(text.row(report.kind(), row.start())));
                first.setCellStyle(label);
            } else {
                first.setCellValue(row.start());
                first.setCellStyle(date);
            }
            for (int i = 0; i < columns.size(); i++) {
                value(line, i + 1, row.values().get(i), columns.get(i).decimals());
            }
        }
        for (ReportSummaryRow summary : report.summaries()) {
            Row line = sheet.createRow(r++);
            cell(line, 0, text.summary(summary.summary()), header);
            for (int i = 0; i < columns.size(); i++) {
                if (summary.summary().appliesTo(columns.get(i).statistic())) {
                    value(line, i + 1, summary.values().get(i), columns.get(i).decimals());
                } else {
                    cell(line, i + 1, "", label);
                }
            }
        }
        sheet.createFreezePane(1, TABLE_ROW + 2);
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
    }

    private void value(Row line, int column, Double value, int decimals) {
        if (value == null) {
            cell(line, column, text.missing(), missing);
            return;
        }
        Cell cell = line.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(numbers.computeIfAbsent(decimals, d -> {
            CellStyle style = bordered();
            style.setDataFormat(book.createDataFormat().getFormat(d == 0 ? "#,##0" : "#,##0." + "0".repeat(d)));
            return style;
        }));
    }

    private static void cell(Row line, int column, String value, CellStyle style) {
        Cell cell = line.createCell(column);
        cell.setCellValue(FormulaGuard.neutralise(value));
        cell.setCellStyle(style);
    }

    private CellStyle bordered() {
        CellStyle style = book.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}
