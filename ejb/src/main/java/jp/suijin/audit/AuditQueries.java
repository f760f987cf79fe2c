package jp.suijin.audit;

import jakarta.ejb.Local;
import java.io.OutputStream;

/**
 * The audit trail of the caller's organisation, for its administrators: operation and access
 * records (only the organisation's own; records of no organisation are the service operator's),
 * their CSV export, and the state of the trail. Filters are checked with {@link RecordFilter#checked()}.
 */
@Local
public interface AuditQueries {

    /** Most rows an export writes; narrow the filter for more. */
    int EXPORT_CAP = 100_000;

    RecordPage<OperationRecordRow> operations(RecordFilter filter, Seek seek);

    RecordPage<AccessRecordRow> accesses(RecordFilter filter, Seek seek);

    /** Writes matching operation records as CSV (UTF-8 with BOM), newest first; the export is itself audited. */
    ExportResult exportOperations(RecordFilter filter, OutputStream out);

    /** Writes matching access records as CSV (UTF-8 with BOM), newest first; the export is itself audited. */
    ExportResult exportAccesses(RecordFilter filter, OutputStream out);

    AuditStatus status();

    /** Starts verifying both chains in the background; false when a verification is already running. */
    boolean verifyNow();
}
