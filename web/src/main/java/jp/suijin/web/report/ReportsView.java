package jp.suijin.web.report;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.IntStream;
import jp.suijin.report.Report;
import jp.suijin.report.ReportColumn;
import jp.suijin.report.ReportException;
import jp.suijin.report.ReportFacility;
import jp.suijin.report.ReportFormat;
import jp.suijin.report.ReportKind;
import jp.suijin.report.ReportService;
import jp.suijin.report.ReportText;
import jp.suijin.report.Summary;
import jp.suijin.telemetry.FacilityNotFoundException;
import jp.suijin.web.Formats;
import jp.suijin.web.Messages;

/**
 * Daily, monthly and yearly reports: choose facility, kind and period, see the table, download it.
 * Parameters {@code facility}, {@code kind} and {@code date} (yyyy-MM-dd) open a report directly.
 */
@Named
@ViewScoped
public class ReportsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ReportService reports;

    private List<ReportFacility> facilities;
    private Long facility;
    private ReportKind kind = ReportKind.DAILY;
    private LocalDate date;
    private LocalDate month;
    private Integer year;
    private Report report;

    /** Opens the report the parameters name, or today's daily report of the first facility. */
    public void load() {
        facilities = reports.facilities();
        if (date == null) {
            date = LocalDate.now(Formats.DISPLAY_ZONE);
        }
        month = date.withDayOfMonth(1);
        year = date.getYear();
        if (facility == null && !facilities.isEmpty()) {
            facility = facilities.get(0).id();
        }
        if (facility != null) {
            show();
        }
    }

    public void show() {
        report = null;
        LocalDate period = switch (kind == null ? ReportKind.DAILY : kind) {
            case DAILY -> date;
            case MONTHLY -> month;
            case YEARLY -> year == null ? null : LocalDate.of(year, 1, 1);
        };
        try {
            report = reports.report(facility == null ? -1 : facility, kind, period);
        } catch (FacilityNotFoundException e) {
            Messages.error("report.error.facility");
        } catch (ReportException e) {
            Messages.error(e.problem(), e.args());
        }
    }

    public void exportXlsx() throws IOException {
        export(ReportFormat.XLSX);
    }

    public void exportPdf() throws IOException {
        export(ReportFormat.PDF);
    }

    public void exportCsv() throws IOException {
        export(ReportFormat.CSV);
    }

    /**
     * The report shown, as a download. Made whole before the answer starts (a report is small), so
     * a refusal (e.g. no font for the PDF) is a message on the page, never a broken file.
     */
    private void export(ReportFormat format) throws IOException {
        if (report == null) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try {
            reports.export(report.facility().id(), report.kind(), report.period(), format,
                    faces.getViewRoot().getLocale(), file);
        } catch (FacilityNotFoundException e) {
            Messages.error("report.error.facility");
            return;
        } catch (ReportException e) {
            Messages.error(e.problem(), e.args());
            return;
        }
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(format.contentType());
        external.setResponseContentLength(file.size());
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"report-" + report.facility().code()
                + "-" + report.kind().name().toLowerCase() + "-" + report.period() + "." + format.extension() + "\"");
        file.writeTo(external.getResponseOutputStream());
        faces.responseComplete();
    }

    /** The report's words in the viewer's language, as the exports use them. */
    public ReportText getText() {
        return ReportText.of(FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public String value(Double value, int column) {
        return getText().value(value, report.columns().get(column).decimals());
    }

    public String summaryValue(Summary summary, Double value, int column) {
        ReportColumn c = report.columns().get(column);
        return getText().summaryValue(summary, c, value);
    }

    public ReportKind[] getKinds() {
        return ReportKind.values();
    }

    /** Years to choose from: this one and the ten before. */
    public List<Integer> getYears() {
        int now = LocalDate.now(Formats.DISPLAY_ZONE).getYear();
        return IntStream.rangeClosed(now - 10, now).boxed().sorted((a, b) -> b - a).toList();
    }

    public Report getReport() {
        return report;
    }

    public List<ReportFacility> getFacilities() {
        return facilities;
    }

    public Long getFacility() {
        return facility;
    }

    public void setFacility(Long facility) {
        this.facility = facility;
    }

    public ReportKind getKind() {
        return kind;
    }

    public void setKind(ReportKind kind) {
        this.kind = kind;
    }

    /** The {@code date} parameter; a malformed one is ignored (today's report is shown) with a message. */
    public String getDateParameter() {
        return date == null ? null : date.toString();
    }

    public void setDateParameter(String value) {
        try {
            date = value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            Messages.error("report.error.date", value);
        }
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public LocalDate getMonth() {
        return month;
    }

    public void setMonth(LocalDate month) {
        this.month = month;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }
}
