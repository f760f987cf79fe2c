package jp.suijin.alarm;

import jakarta.ejb.Local;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import jp.suijin.admin.AdministrationException;
import jp.suijin.audit.ExportResult;
import jp.suijin.audit.RecordPage;
import jp.suijin.audit.Seek;
import jp.suijin.persistence.alarm.Severity;

/**
 * The alarms of the caller's organisation, limited to the facilities the caller may see: what needs
 * attention now, the banner's summary, acknowledgement, and the history with its exports. Everyone
 * signed in to an organisation may look; only administrators and operators acknowledge. An id of
 * another organisation's alarm, or of a facility the caller may not see, is answered exactly like an
 * unknown one. Input that cannot be applied is refused with an {@link AdministrationException} naming the field.
 */
@Local
public interface AlarmConsole {

    /** Most rows the active list shows; more than that many open alarms is a flood, the history has them all. */
    int ACTIVE_LIMIT = 500;

    /** Most alarms one acknowledgement takes. */
    int MAX_BULK = 100;

    int MAX_COMMENT = 500;

    /** Most rows an export writes; narrow the filter for more. */
    int EXPORT_CAP = 50_000;

    /**
     * Alarms that need attention (not yet both acknowledged and cleared), newest first, optionally of
     * one facility and one severity; at most {@link #ACTIVE_LIMIT}.
     */
    List<AlarmRow> active(Long facilityId, Severity severity);

    /** Counts for the dashboard and the banner, and the newest unacknowledged alarm. */
    AlarmSummary summary();

    /** The facilities the caller may see and their points, for the pages' filters. */
    List<AlarmFacility> facilities();

    /**
     * Acknowledges the alarms with the comment (optional, at most {@link #MAX_COMMENT} characters) as
     * the caller, now. An alarm acknowledged already keeps its first acknowledgement.
     *
     * @return how many alarms this call acknowledged
     * @throws AdministrationException on "alarmIds" for none, too many or an unknown id (nothing is written),
     *     on "comment" for a comment too long
     */
    int acknowledge(List<Long> alarmIds, String comment);

    /** One page of the history, newest first; positions are (raised time, alarm id). */
    RecordPage<AlarmRow> history(AlarmFilter filter, Seek seek);

    /**
     * Writes the history matching the filter, newest first, as CSV (UTF-8 with BOM) or XLSX, with
     * headings in the locale's language (Japanese unless English) and times in Japan time; at most
     * {@link #EXPORT_CAP} rows. Recorded as a {@code data_export}.
     */
    ExportResult export(AlarmFilter filter, AlarmExportFormat format, Locale locale, OutputStream out);
}
