package jp.suijin.web.dashboard;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import jp.suijin.telemetry.FacilityNotFoundException;
import jp.suijin.telemetry.FacilityOverview;
import jp.suijin.telemetry.FacilityService;

/**
 * One facility: every current value, its devices and when they last reported. A facility that is not
 * the user's to see is answered like a missing one (404), so ids of other tenants cannot be probed.
 */
@Named
@ViewScoped
public class FacilityStatusView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private FacilityService facilityService;

    private String idParam;
    private long id;
    private FacilityOverview facility;

    /** View action: loads the facility named in the URL; a missing or malformed id is not found either. */
    public void open() throws IOException {
        if (idParam == null || !idParam.matches("\\d{1,18}")) {
            notFound();
            return;
        }
        id = Long.parseLong(idParam);
        refresh();
    }

    /** Called by the page's poll, so values change without a reload. */
    public void refresh() throws IOException {
        try {
            facility = facilityService.facility(id);
        } catch (FacilityNotFoundException e) {
            notFound();
        }
    }

    private static void notFound() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseSendError(404, null);
        faces.responseComplete();
    }

    /** The trend link of all key points of this facility. */
    public String getKeyPointIds() {
        return String.join(",", facility.keyPoints().stream().map(p -> String.valueOf(p.pointId())).toList());
    }

    public String getIdParam() {
        return idParam;
    }

    public void setIdParam(String idParam) {
        this.idParam = idParam;
    }

    public FacilityOverview getFacility() {
        return facility;
    }
}
