package jp.suijin.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.suijin.report.Report;
import jp.suijin.report.ReportColumn;
import jp.suijin.report.ReportException;
import jp.suijin.report.ReportFacility;
import jp.suijin.report.ReportKind;
import jp.suijin.report.ReportText;
import jp.suijin.report.Statistic;
import jp.suijin.report.Summary;
import jp.suijin.report.internal.ReportTable.Stats;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ReportTableTest {

    private static final ReportFacility FACILITY = new ReportFacility(1, "JS01", "八雲浄水場");
    private static final ReportColumn LEVEL = new ReportColumn(10, "LI-401", "浄水池水位", "m", 2, Statistic.AVERAGE);
    private static final ReportColumn FLOW = new ReportColumn(11, "FQ-101", "原水積算流量", "m³", 0, Statistic.DELTA);

    @Test
    void aDailyReportHasTheJapanHoursOfItsDay() {
        ReportTable day = new ReportTable(ReportKind.DAILY, LocalDate.of(2026, 11, 28));
        assertEquals(Instant.parse("2026-11-27T15:00:00Z"), day.from());
        assertEquals(Instant.parse("2026-11-28T15:00:00Z"), day.to());
        assertEquals(24, day.rowCount());
        assertEquals(0, day.rowOf(Instant.parse("2026-11-27T15:00:00Z")));
        assertEquals(23, day.rowOf(Instant.parse("2026-11-28T14:00:00Z")));
        assertEquals(LocalDateTime.of(2026, 11, 28, 9, 0), day.rowStart(9));
    }

    @Test
    void monthlyAndYearlyRowsAreJapanDaysAndMonths() {
        ReportTable month = new ReportTable(ReportKind.MONTHLY, LocalDate.of(2026, 2, 17));
        assertEquals(LocalDate.of(2026, 2, 1), month.period());
        assertEquals(28, month.rowCount());
        // 2026-02-01 00:00 JST
        assertEquals(0, month.rowOf(Instant.parse("2026-01-31T15:00:00Z")));
        ReportTable year = new ReportTable(ReportKind.YEARLY, LocalDate.of(2026, 5, 5));
        assertEquals(Instant.parse("2025-12-31T15:00:00Z"), year.from());
        assertEquals(11, year.rowOf(Instant.parse("2026-11-30T15:00:00Z")));
    }

    @Test
    void aPeriodOutsideTheCoveredYearsIsRefusedByName() {
        ReportException e = assertThrows(ReportException.class, () -> new ReportTable(ReportKind.DAILY, LocalDate.of(1999, 1, 1)));
        assertEquals("report.error.period", e.problem());
        assertThrows(ReportException.class, () -> new ReportTable(null, LocalDate.of(2026, 1, 1)));
    }

    @Test
    void missingPeriodsStayMissingAndSummariesSkipThem() {
        Report r = report();
        assertEquals(2.5, r.rows().get(0).values().get(0));
        assertNull(r.rows().get(1).values().get(0), "欠測, not 0");
        assertEquals(20.0, r.rows().get(2).values().get(1));
        assertEquals(List.of(Summary.AVERAGE, Summary.MAXIMUM, Summary.MINIMUM, Summary.TOTAL),
                r.summaries().stream().map(s -> s.summary()).toList());
        assertEquals((2.5 + 4.0) / 2, r.summaries().get(0).values().get(0));
        assertEquals(30.0, r.summaries().get(3).values().get(1));
        assertNull(r.summaries().get(3).values().get(0), "no total of averages");
    }

    @Test
    void csvAndXlsxShowNumbersAndMissingCells() throws Exception {
        Report r = report();
        ReportText ja = ReportText.of(Locale.JAPANESE);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        CsvReport.write(r, ja, csv);
        String[] lines = new String(csv.toByteArray(), StandardCharsets.UTF_8).split("\r\n");
        assertEquals("\uFEFF八雲浄水場 日報 2026年11月28日", lines[0]);
        assertEquals("時刻,浄水池水位 [m],原水積算流量 [m³]", lines[1]);
        assertEquals(",平均,積算", lines[2]);
        assertEquals("0:00,2.50,10", lines[3]);
        assertEquals("1:00,欠測,欠測", lines[4]);
        assertEquals("合計,,30", lines[lines.length - 1]);

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        XlsxReport.write(r, ReportText.of(Locale.ENGLISH), LocalDateTime.of(2026, 11, 29, 9, 0), xlsx);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("Hour", sheet.getRow(3).getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, sheet.getRow(5).getCell(1).getCellType());
            assertEquals(2.5, sheet.getRow(5).getCell(1).getNumericCellValue());
            assertEquals("0.00", sheet.getRow(5).getCell(1).getCellStyle().getDataFormatString().replace("#,##", ""));
            assertEquals("missing", sheet.getRow(6).getCell(1).getStringCellValue());
        }
    }

    private static Report report() {
        ReportTable day = new ReportTable(ReportKind.DAILY, LocalDate.of(2026, 11, 28));
        Stats[] level = new Stats[24];
        level[0] = new Stats(2, 2.0, 3.0, 5.0, 0);
        level[2] = new Stats(1, 4.0, 4.0, 4.0, 0);
        Stats[] flow = new Stats[24];
        flow[0] = new Stats(3, 100, 110, 315, 10);
        flow[2] = new Stats(3, 130, 150, 420, 20);
        return day.build(FACILITY, List.of(LEVEL, FLOW), Map.of(10L, level, 11L, flow));
    }
}
