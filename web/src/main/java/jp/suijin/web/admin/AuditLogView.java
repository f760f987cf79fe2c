package jp.suijin.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.OutputStream;
import jp.suijin.audit.AuditQueries;
import jp.suijin.audit.ExportResult;
import jp.suijin.audit.OperationRecordRow;
import jp.suijin.audit.Outcome;
import jp.suijin.audit.RecordFilter;
import jp.suijin.audit.RecordPage;
import jp.suijin.audit.Seek;

/** The operation log of the administrator's organisation. */
@Named
@ViewScoped
public class AuditLogView extends RecordLogView<OperationRecordRow> {

    private static final long serialVersionUID = 1L;

    @Inject
    private AuditQueries queries;

    private Outcome outcome;

    @PostConstruct
    public void init() {
        start();
    }

    @Override
    protected RecordPage<OperationRecordRow> read(RecordFilter filter, Seek seek) {
        return queries.operations(filter, seek);
    }

    @Override
    protected ExportResult write(RecordFilter filter, OutputStream out) {
        return queries.exportOperations(filter, out);
    }

    @Override
    protected Seek.Position position(OperationRecordRow row) {
        return row.position();
    }

    @Override
    protected String exportName() {
        return "audit-records";
    }

    @Override
    protected RecordFilter filter(RecordFilter c) {
        return new RecordFilter(c.from(), c.to(), c.principal(), c.prefix(), outcome, null, null, c.clientIp());
    }

    public Outcome[] getOutcomes() {
        return Outcome.values();
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public void setOutcome(Outcome outcome) {
        this.outcome = outcome;
    }
}
