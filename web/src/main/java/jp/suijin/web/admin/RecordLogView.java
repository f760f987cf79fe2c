package jp.suijin.web.admin;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.suijin.admin.AdministrationException;
import jp.suijin.audit.AuditQueries;
import jp.suijin.audit.ExportResult;
import jp.suijin.audit.RecordFilter;
import jp.suijin.audit.RecordPage;
import jp.suijin.audit.Seek;
import jp.suijin.web.Formats;
import jp.suijin.web.Messages;
import org.primefaces.util.ResourceUtils;

/**
 * What the operation-log and access-log pages share: the filter form (Japan time), paging by
 * position (newest / newer / older, no page numbers: there is no total) and the CSV export.
 */
public abstract class RecordLogView<T extends Serializable> implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private LocalDateTime from;
    private LocalDateTime to;
    private String principal;
    private String prefix;
    private String clientIp;
    private int pageSize = 50;

    private RecordFilter applied;
    private List<T> rows = List.of();
    private boolean older;
    private boolean newer;
    private ExportResult lastExport;

    protected abstract RecordPage<T> read(RecordFilter filter, Seek seek);

    protected abstract ExportResult write(RecordFilter filter, OutputStream out);

    protected abstract Seek.Position position(T row);

    /** Base of the export file name. */
    protected abstract String exportName();

    /** The filter with what only this page has (outcome or status). */
    protected abstract RecordFilter filter(RecordFilter common);

    protected void start() {
        LocalDateTime now = LocalDateTime.now(Formats.DISPLAY_ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        to = now;
        from = now.minusDays(1);
        search();
    }

    public void search() {
        RecordFilter filter;
        try {
            filter = filter(new RecordFilter(RecordFilterInput.instant(from), RecordFilterInput.instant(to),
                    RecordFilterInput.text(principal), RecordFilterInput.text(prefix), null, null, null,
                    RecordFilterInput.text(clientIp))).checked();
        } catch (AdministrationException e) {
            refuse(e);
            return;
        } catch (IllegalArgumentException e) {
            refuse(new AdministrationException("status", "audit.error.status"));
            return;
        }
        applied = filter;
        newest();
    }

    public void newest() {
        show(read(applied, Seek.newest(pageSize)), false, null);
    }

    public void older() {
        if (!rows.isEmpty()) {
            show(read(applied, Seek.olderThan(position(rows.get(rows.size() - 1)), pageSize)), false, rows);
        }
    }

    public void newer() {
        if (!rows.isEmpty()) {
            show(read(applied, Seek.newerThan(position(rows.get(0)), pageSize)), true, rows);
        }
    }

    private void show(RecordPage<T> page, boolean towardsNewer, List<T> before) {
        if (towardsNewer && page.rows().isEmpty()) {
            newest();
            return;
        }
        rows = page.rows();
        older = towardsNewer ? true : page.more();
        newer = towardsNewer ? page.more() : before != null;
    }

    /** Streams the CSV of the applied filter as the answer to this (non-ajax) request. */
    public void export() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        String name = exportName() + "-" + FILE_TIME.format(LocalDateTime.now(Formats.DISPLAY_ZONE)) + ".csv";
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        // lets PrimeFaces.monitorDownload on the page see the end of the download
        Map<String, Object> cookie = new HashMap<>(); // PrimeFaces adds its own attributes to it
        cookie.put("path", "/");
        ResourceUtils.addResponseCookie(faces, ResourceUtils.getMonitorKeyCookieName(faces, null), "true", cookie);
        lastExport = write(applied, external.getResponseOutputStream());
        faces.responseComplete();
    }

    /** After a download: says how many rows it held, and clearly when it stopped at the cap. */
    public void exportDone() {
        if (lastExport == null) {
            return;
        }
        if (lastExport.capped()) {
            Messages.error("audit.export.capped", AuditQueries.EXPORT_CAP);
        } else {
            Messages.info("audit.export.done", lastExport.rows());
        }
        lastExport = null;
    }

    private static void refuse(AdministrationException e) {
        Messages.error(e.problem(), e.args());
        FacesContext.getCurrentInstance().validationFailed();
    }

    public int[] getPageSizes() {
        return new int[] {25, 50, 100};
    }

    public int getExportCap() {
        return AuditQueries.EXPORT_CAP;
    }

    public List<T> getRows() {
        return rows;
    }

    public boolean isOlder() {
        return older;
    }

    public boolean isNewer() {
        return newer;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }

    public String getPrincipal() {
        return principal;
    }

    public void setPrincipal(String principal) {
        this.principal = principal;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getClientIp() {
        return clientIp;
    }

    public void setClientIp(String clientIp) {
        this.clientIp = clientIp;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = Math.max(1, Math.min(Seek.MAX_SIZE, pageSize));
    }
}
