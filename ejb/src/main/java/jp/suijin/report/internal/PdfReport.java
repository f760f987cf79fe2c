package jp.suijin.report.internal;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;
import jp.suijin.report.Report;
import jp.suijin.report.ReportColumn;
import jp.suijin.report.ReportRow;
import jp.suijin.report.ReportSummaryRow;
import jp.suijin.report.ReportText;

/**
 * A report as PDF: A4 landscape, the Japanese font embedded, at most {@value #COLUMNS_PER_PAGE}
 * point columns per page (more columns continue on further pages, each with the period column).
 */
final class PdfReport {

    static final int COLUMNS_PER_PAGE = 12;
    private static final Color HEADER = new Color(0xE4, 0xE8, 0xEE);

    private final ReportText text;
    private final Font title;
    private final Font small;
    private final Font cell;

    private PdfReport(ReportText text, BaseFont font) {
        this.text = text;
        title = new Font(font, 13);
        small = new Font(font, 7);
        cell = new Font(font, 7.5f);
    }

    static void write(Report report, ReportText text, BaseFont font, LocalDateTime made, OutputStream out) {
        // a landscape media box rather than a rotated portrait page: printers and readers agree on it
        Document document = new Document(new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth()), 28, 28, 28, 28);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false); // the stream belongs to the caller
        document.addTitle(text.title(report));
        document.open();
        new PdfReport(text, font).pages(document, report, made);
        document.close();
    }

    private void pages(Document document, Report report, LocalDateTime made) {
        List<ReportColumn> all = report.columns();
        for (int from = 0; from < Math.max(1, all.size()); from += COLUMNS_PER_PAGE) {
            if (from > 0) {
                document.newPage();
            }
            int to = Math.min(all.size(), from + COLUMNS_PER_PAGE);
            Paragraph heading = new Paragraph(text.title(report), title);
            document.add(heading);
            Paragraph when = new Paragraph(text.made(made), small);
            when.setSpacingAfter(6);
            document.add(when);
            document.add(table(report, from, to));
        }
    }

    private PdfPTable table(Report report, int from, int to) {
        List<ReportColumn> columns = report.columns().subList(from, to);
        PdfPTable table = new PdfPTable(1 + columns.size());
        table.setWidthPercentage(columns.size() < 6 ? 15 + 12 * columns.size() : 100);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.setHeaderRows(2);
        header(table, text.periodColumn(report.kind()));
        columns.forEach(c -> header(table, text.pointHeading(c)));
        header(table, "");
        columns.forEach(c -> header(table, text.statistic(c.statistic())));
        for (ReportRow row : report.rows()) {
            add(table, text.row(report.kind(), row.start()), Element.ALIGN_CENTER, null);
            for (int i = from; i < to; i++) {
                Double v = row.values().get(i);
                add(table, text.value(v, report.columns().get(i).decimals()),
                        v == null ? Element.ALIGN_CENTER : Element.ALIGN_RIGHT, null);
            }
        }
        for (ReportSummaryRow summary : report.summaries()) {
            add(table, text.summary(summary.summary()), Element.ALIGN_CENTER, HEADER);
            for (int i = from; i < to; i++) {
                Double v = summary.values().get(i);
                add(table, text.summaryValue(summary.summary(), report.columns().get(i), v),
                        v == null ? Element.ALIGN_CENTER : Element.ALIGN_RIGHT, HEADER);
            }
        }
        return table;
    }

    private void header(PdfPTable table, String value) {
        PdfPCell c = new PdfPCell(new Phrase(value, cell));
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setBackgroundColor(HEADER);
        c.setPadding(2.5f);
        table.addCell(c);
    }

    private void add(PdfPTable table, String value, int align, Color background) {
        PdfPCell c = new PdfPCell(new Phrase(value, cell));
        c.setHorizontalAlignment(align);
        c.setPadding(2f);
        if (background != null) {
            c.setBackgroundColor(background);
        }
        table.addCell(c);
    }
}
