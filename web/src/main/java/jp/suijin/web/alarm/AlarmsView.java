package jp.suijin.web.alarm;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import jp.suijin.admin.AdministrationException;
import jp.suijin.alarm.AlarmConsole;
import jp.suijin.alarm.AlarmFacility;
import jp.suijin.alarm.AlarmRow;
import jp.suijin.persistence.alarm.Severity;
import jp.suijin.web.Messages;

/**
 * The active alarms: what is not yet both acknowledged and cleared, filtered by facility and severity,
 * acknowledged one at a time or several at once with one comment. Refreshed whenever the banner's
 * push says an alarm changed.
 */
@Named
@ViewScoped
public class AlarmsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AlarmConsole console;

    private List<AlarmFacility> facilities;
    private Long facilityId;
    private Severity severity;
    private List<AlarmRow> rows;
    private List<AlarmRow> selection = new ArrayList<>();
    /** What the comment dialog will acknowledge. */
    private List<Long> pending = List.of();
    private String comment;

    @PostConstruct
    public void init() {
        facilities = console.facilities();
        refresh();
    }

    public void refresh() {
        rows = console.active(facilityId, severity);
        // keep only what is still listed, so a bulk acknowledgement never takes an alarm no longer shown
        List<Long> listed = rows.stream().map(AlarmRow::id).toList();
        selection = new ArrayList<>(selection.stream().filter(r -> listed.contains(r.id())).toList());
    }

    /** Opens the comment dialog for one alarm. */
    public void prepare(AlarmRow row) {
        pending = List.of(row.id());
        comment = null;
    }

    /** Opens the comment dialog for the selected alarms; with none selected, says so instead. */
    public void prepareSelected() {
        pending = selection.stream().filter(r -> !r.acknowledged()).map(AlarmRow::id).toList();
        comment = null;
        if (pending.isEmpty()) {
            Messages.error("alarm.select");
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    public void acknowledge() {
        try {
            int done = console.acknowledge(pending, comment);
            Messages.info("alarm.acknowledged", done, pending.size() - done);
            pending = List.of();
            comment = null;
            selection.clear();
        } catch (AdministrationException e) {
            Messages.error(e.problem(), e.args());
            FacesContext.getCurrentInstance().validationFailed();
        } catch (EJBAccessException e) {
            Messages.error("alarm.error.role");
            FacesContext.getCurrentInstance().validationFailed();
        }
        refresh();
    }

    public boolean isMayAcknowledge() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getExternalContext().isUserInRole("ADMIN") || faces.getExternalContext().isUserInRole("OPERATOR");
    }

    public Severity[] getSeverities() {
        return Severity.values();
    }

    public List<AlarmFacility> getFacilities() {
        return facilities;
    }

    public List<AlarmRow> getRows() {
        return rows;
    }

    public Long getFacilityId() {
        return facilityId;
    }

    public void setFacilityId(Long facilityId) {
        this.facilityId = facilityId;
    }

    public Severity getSeverity() {
        return severity;
    }

    public void setSeverity(Severity severity) {
        this.severity = severity;
    }

    public List<AlarmRow> getSelection() {
        return selection;
    }

    public void setSelection(List<AlarmRow> selection) {
        this.selection = selection == null ? new ArrayList<>() : new ArrayList<>(selection);
    }

    public long getUnacknowledgedCount() {
        return rows.stream().filter(r -> !r.acknowledged()).count();
    }

    public int getPendingCount() {
        return pending.size();
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public int getMaxComment() {
        return AlarmConsole.MAX_COMMENT;
    }
}
