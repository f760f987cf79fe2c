package jp.suijin.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.OutputStream;
import jp.suijin.audit.AccessRecordRow;
import jp.suijin.audit.AuditQueries;
import jp.suijin.audit.ExportResult;
import jp.suijin.audit.RecordFilter;
import jp.suijin.audit.RecordPage;
import jp.suijin.audit.Seek;

/** The access log (HTTP requests) of the administrator's organisation. */
@Named
@ViewScoped
public class AccessLogView extends RecordLogView<AccessRecordRow> {

    private static final long serialVersionUID = 1L;

    @Inject
    private AuditQueries queries;

    private String status;

    @PostConstruct
    public void init() {
        start();
    }

    @Override
    protected RecordPage<AccessRecordRow> read(RecordFilter filter, Seek seek) {
        return queries.accesses(filter, seek);
    }

    @Override
    protected ExportResult write(RecordFilter filter, OutputStream out) {
        return queries.exportAccesses(filter, out);
    }

    @Override
    protected Seek.Position position(AccessRecordRow row) {
        return row.position();
    }

    @Override
    protected String exportName() {
        return "access-records";
    }

    /** @throws IllegalArgumentException when the status is neither "404" nor "4xx" */
    @Override
    protected RecordFilter filter(RecordFilter c) {
        int[] range = RecordFilterInput.statusRange(status);
        return new RecordFilter(c.from(), c.to(), c.principal(), c.prefix(), null, range == null ? null : range[0],
                range == null ? null : range[1], c.clientIp());
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
