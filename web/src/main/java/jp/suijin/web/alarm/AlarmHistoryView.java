package jp.suijin.web.alarm;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.suijin.admin.AdministrationException;
import jp.suijin.alarm.AlarmConsole;
import jp.suijin.alarm.AlarmExportFormat;
import jp.suijin.alarm.AlarmFacility;
import jp.suijin.alarm.AlarmFilter;
import jp.suijin.alarm.AlarmRow;
import jp.suijin.alarm.AlarmState;
import jp.suijin.audit.ExportResult;
import jp.suijin.audit.RecordPage;
import jp.suijin.audit.Seek;
import jp.suijin.persistence.alarm.AlarmKind;
import jp.suijin.persistence.alarm.Severity;
import jp.suijin.web.Formats;
import jp.suijin.web.Messages;
import org.primefaces.util.ResourceUtils;

/**
 * The alarm history: filters (raised between two Japan times, facility, point, severity, kind, state),
 * paging by position (newest / newer / older, as the audit pages), and the CSV and XLSX downloads.
 */
@Named
@ViewScoped
public class AlarmHistoryView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    @Inject
    private AlarmConsole console;

    private List<AlarmFacility> facilities;
    private LocalDateTime from;
    private LocalDateTime to;
    private Long facilityId;
    private Long pointId;
    private Severity severity;
    private AlarmKind kind;
    private AlarmState state;
    private int pageSize = 50;

    private AlarmFilter applied;
    private List<AlarmRow> rows = List.of();
    private boolean older;
    private boolean newer;
    private ExportResult lastExport;

    @PostConstruct
    public void init() {
        facilities = console.facilities();
        LocalDateTime now = LocalDateTime.now(Formats.DISPLAY_ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        to = now;
        from = now.minusDays(7);
        search();
    }

    public void search() {
        AlarmFilter filter = new AlarmFilter(instant(from), instant(to), facilityId, pointId, severity, kind, state);
        try {
            applied = filter.checked();
        } catch (AdministrationException e) {
            Messages.error(e.problem(), e.args());
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        newest();
    }

    /** A facility chosen anew: a point of another facility no longer applies. */
    public void facilityChanged() {
        if (pointId != null && getPoints().stream().noneMatch(p -> p.id() == pointId)) {
            pointId = null;
        }
    }

    public void newest() {
        show(console.history(applied, Seek.newest(pageSize)), false, null);
    }

    public void older() {
        if (!rows.isEmpty()) {
            show(console.history(applied, Seek.olderThan(rows.get(rows.size() - 1).position(), pageSize)), false, rows);
        }
    }

    public void newer() {
        if (!rows.isEmpty()) {
            show(console.history(applied, Seek.newerThan(rows.get(0).position(), pageSize)), true, rows);
        }
    }

    private void show(RecordPage<AlarmRow> page, boolean towardsNewer, List<AlarmRow> before) {
        if (towardsNewer && page.rows().isEmpty()) {
            newest();
            return;
        }
        rows = page.rows();
        older = towardsNewer || page.more();
        newer = towardsNewer ? page.more() : before != null;
    }

    public void exportCsv() throws IOException {
        export(AlarmExportFormat.CSV, "text/csv; charset=UTF-8", ".csv");
    }

    public void exportXlsx() throws IOException {
        export(AlarmExportFormat.XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    }

    /** Streams the applied filter's history as the answer to this (non-ajax) request. */
    private void export(AlarmExportFormat format, String type, String suffix) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        String name = "alarms-" + FILE_TIME.format(LocalDateTime.now(Formats.DISPLAY_ZONE)) + suffix;
        external.responseReset();
        external.setResponseContentType(type);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        // lets PrimeFaces.monitorDownload on the page see the end of the download
        Map<String, Object> cookie = new HashMap<>(); // PrimeFaces adds its own attributes to it
        cookie.put("path", "/");
        ResourceUtils.addResponseCookie(faces, ResourceUtils.getMonitorKeyCookieName(faces, null), "true", cookie);
        lastExport = console.export(applied, format, faces.getViewRoot().getLocale(), external.getResponseOutputStream());
        faces.responseComplete();
    }

    /** After a download: says how many rows it held, and clearly when it stopped at the cap. */
    public void exportDone() {
        if (lastExport == null) {
            return;
        }
        if (lastExport.capped()) {
            Messages.error("alarm.export.capped", AlarmConsole.EXPORT_CAP);
        } else {
            Messages.info("alarm.export.done", lastExport.rows());
        }
        lastExport = null;
    }

    private static Instant instant(LocalDateTime japanTime) {
        return japanTime == null ? null : japanTime.atZone(Formats.DISPLAY_ZONE).toInstant();
    }

    public List<AlarmFacility.Point> getPoints() {
        return facilities.stream().filter(f -> facilityId == null || f.id() == facilityId)
                .flatMap(f -> f.points().stream()).toList();
    }

    public List<AlarmFacility> getFacilities() {
        return facilities;
    }

    public Severity[] getSeverities() {
        return Severity.values();
    }

    public AlarmKind[] getKinds() {
        return AlarmKind.values();
    }

    public AlarmState[] getStates() {
        return AlarmState.values();
    }

    public int[] getPageSizes() {
        return new int[] {25, 50, 100};
    }

    public List<AlarmRow> getRows() {
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

    public Long getFacilityId() {
        return facilityId;
    }

    public void setFacilityId(Long facilityId) {
        this.facilityId = facilityId;
    }

    public Long getPointId() {
        return pointId;
    }

    public void setPointId(Long pointId) {
        this.pointId = pointId;
    }

    public Severity getSeverity() {
        return severity;
    }

    public void setSeverity(Severity severity) {
        this.severity = severity;
    }

    public AlarmKind getKind() {
        return kind;
    }

    public void setKind(AlarmKind kind) {
        this.kind = kind;
    }

    public AlarmState getState() {
        return state;
    }

    public void setState(AlarmState state) {
        this.state = state;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = Math.max(1, Math.min(Seek.MAX_SIZE, pageSize));
    }
}
