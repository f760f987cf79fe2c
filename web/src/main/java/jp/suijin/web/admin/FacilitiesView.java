package jp.suijin.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import jp.suijin.admin.FacilityForm;
import jp.suijin.admin.FacilityRow;
import jp.suijin.admin.ModelAdministration;
import jp.suijin.persistence.facility.FacilityKind;

/** The organisation's facilities: list, add, edit, disable. */
@Named
@ViewScoped
public class FacilitiesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ModelAdministration administration;

    private List<FacilityRow> facilities;
    /** The facility being edited; null while adding one. */
    private Long editing;
    private String code;
    private String name;
    private FacilityKind kind = FacilityKind.PURIFICATION_PLANT;
    private Integer displayOrder = 0;

    @PostConstruct
    public void init() {
        facilities = administration.facilities();
    }

    public void save() {
        FacilityForm form = new FacilityForm(code, name, kind, displayOrder);
        String shown = code;
        boolean done = editing == null
                ? apply(() -> administration.createFacility(form), "model.facility.created", shown)
                : apply(() -> administration.editFacility(editing, form), "model.facility.saved", shown);
        if (done) {
            cancel();
        }
    }

    public void edit(FacilityRow row) {
        editing = row.id();
        code = row.facilityCode();
        name = row.name();
        kind = row.kind();
        displayOrder = row.displayOrder();
    }

    public void cancel() {
        editing = null;
        code = null;
        name = null;
        kind = FacilityKind.PURIFICATION_PLANT;
        displayOrder = 0;
    }

    public void enable(FacilityRow row) {
        apply(() -> administration.setFacilityEnabled(row.id(), true), "model.facility.enabled", row.facilityCode());
    }

    public void disable(FacilityRow row) {
        apply(() -> administration.setFacilityEnabled(row.id(), false), "model.facility.disabled", row.facilityCode());
    }

    private boolean apply(Runnable action, String done, String shown) {
        boolean ok = ModelAdministrationMessages.apply(action, done, shown);
        facilities = administration.facilities();
        return ok;
    }

    public FacilityKind[] getKinds() {
        return FacilityKind.values();
    }

    public List<FacilityRow> getFacilities() {
        return facilities;
    }

    public Long getEditing() {
        return editing;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public FacilityKind getKind() {
        return kind;
    }

    public void setKind(FacilityKind kind) {
        this.kind = kind;
    }

    public Integer getDisplayOrder() {
        return displayOrder;
    }

    public void setDisplayOrder(Integer displayOrder) {
        this.displayOrder = displayOrder;
    }
}
