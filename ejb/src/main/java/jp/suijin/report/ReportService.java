package jp.suijin.report;

import jakarta.ejb.Local;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Reports of the facilities the caller may see (their organisation's, and only those a limited
 * user is allowed). A facility of another organisation or one the user is not allowed is answered
 * like an unknown one ({@link jp.suijin.telemetry.FacilityNotFoundException}).
 */
@Local
public interface ReportService {

    List<ReportFacility> facilities();

    /**
     * @param period the day (DAILY), any day of the month (MONTHLY) or of the year (YEARLY), Japan time
     * @throws ReportException for a missing kind or a period outside the years reports cover
     */
    Report report(long facilityId, ReportKind kind, LocalDate period);

    /**
     * Writes the report as the file {@code format} in the language of {@code locale} (Japanese unless
     * English); recorded as a {@code data_export}.
     *
     * @throws ReportException also when a PDF is asked for and no Japanese font is installed
     */
    void export(long facilityId, ReportKind kind, LocalDate period, ReportFormat format, Locale locale, OutputStream out);
}
