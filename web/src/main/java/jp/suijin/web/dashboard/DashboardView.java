package jp.suijin.web.dashboard;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import jp.suijin.telemetry.FacilityOverview;
import jp.suijin.telemetry.FacilityService;

/** The operator's start page: every facility with its communication status and current values. */
@Named
@ViewScoped
public class DashboardView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private FacilityService facilityService;

    private List<FacilityOverview> facilities;

    @PostConstruct
    public void init() {
        refresh();
    }

    /** Called by the page's poll, so values change without a reload. */
    public void refresh() {
        facilities = facilityService.overview();
    }

    public List<FacilityOverview> getFacilities() {
        return facilities;
    }

    public long getLostCount() {
        return facilities.stream().filter(f -> !f.communicationOk()).count();
    }
}
